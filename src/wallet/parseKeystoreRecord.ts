/** Checks that an unknown value (from IndexedDB or an imported file) is a well-formed KeystoreRecord. */
import { type KeystoreRecord, MAX_KEYSTORE_ITERATIONS } from './KeystoreRecord.ts'
import { WalletError } from './WalletError.ts'

const HEX = /^(?:[0-9a-f]{2})*$/

function fail(what: string): never {
  throw new WalletError('CORRUPT_KEYSTORE', `keystore: ${what}`)
}

function hexField(v: unknown, name: string, bytes?: number): string {
  if (typeof v !== 'string' || !HEX.test(v)) fail(`${name}: expected lowercase hex, got ${typeof v}`)
  if (bytes !== undefined && v.length !== bytes * 2)
    fail(`${name}: expected ${bytes} bytes, got ${v.length / 2}`)
  return v
}

export function parseKeystoreRecord(value: unknown): KeystoreRecord {
  if (typeof value !== 'object' || value === null)
    fail(`expected an object, got ${value === null ? 'null' : typeof value}`)
  const r = value as Record<string, unknown>
  if (r.version !== 1) fail(`expected version 1, got ${String(r.version)}`)
  const meta = r.meta as Record<string, unknown> | undefined
  if (typeof meta?.displayName !== 'string' || typeof meta.created !== 'string')
    fail('meta: expected displayName and created')
  const kdf = r.kdf as Record<string, unknown> | undefined
  if (kdf?.name !== 'PBKDF2-SHA256') fail(`kdf: expected PBKDF2-SHA256, got ${String(kdf?.name)}`)
  const it = kdf.iterations
  if (typeof it !== 'number' || !Number.isInteger(it) || it < 1 || it > MAX_KEYSTORE_ITERATIONS) {
    fail(`kdf.iterations: expected an integer in [1, ${MAX_KEYSTORE_ITERATIONS}], got ${String(it)}`)
  }
  const cipher = r.cipher as Record<string, unknown> | undefined
  if (cipher?.name !== 'AES-256-GCM') fail(`cipher: expected AES-256-GCM, got ${String(cipher?.name)}`)
  const cipherText = hexField(r.cipherText, 'cipherText')
  if (cipherText.length < 32) fail('cipherText: shorter than the 16-byte GCM tag')
  return {
    version: 1,
    meta: { displayName: meta.displayName, created: meta.created },
    kdf: { name: 'PBKDF2-SHA256', iterations: it, salt: hexField(kdf.salt, 'kdf.salt', 16) },
    check: hexField(r.check, 'check', 32),
    cipher: { name: 'AES-256-GCM', iv: hexField(cipher.iv, 'cipher.iv', 12) },
    cipherText,
  }
}
