/** Checks that text is an smapp-lite wallet file with an Argon2 envelope and sane, bounded parameters. */
import {
  MAX_ARGON2_ITERATIONS,
  MAX_ARGON2_MEMORY_KIB,
  MAX_ARGON2_PARALLELISM,
  MAX_WALLET_FILE_BYTES,
  type SmappWalletFile,
} from './SmappWalletFile.ts'
import { WalletError } from './WalletError.ts'

const HEX = /^(?:[0-9a-fA-F]{2})*$/

function fail(what: string): never {
  throw new WalletError('BAD_WALLET_FILE', `wallet file: ${what}`)
}

function hex(v: unknown, name: string, bytes?: number): string {
  if (typeof v !== 'string' || !HEX.test(v)) fail(`${name}: expected hex, got ${typeof v}`)
  if (bytes !== undefined && v.length !== 2 * bytes)
    fail(`${name}: expected ${bytes} bytes, got ${v.length / 2}`)
  return v.toLowerCase()
}

function int(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(`${name}: expected an integer in [${min}, ${max}], got ${String(v)}`)
  }
  return v
}

export function parseSmappWalletFile(text: string): SmappWalletFile {
  if (text.length > MAX_WALLET_FILE_BYTES)
    fail(`expected at most ${MAX_WALLET_FILE_BYTES} bytes, got ${text.length}`)
  let v: { meta?: Record<string, unknown>; crypto?: Record<string, unknown> }
  try {
    v = JSON.parse(text)
  } catch {
    fail('not JSON')
  }
  const c = v?.crypto
  if (typeof c !== 'object' || c === null) fail('expected a "crypto" object')
  if (c.cipher === 'AES-GCM')
    fail('legacy AES-GCM (PBKDF2) wallet files are not supported; re-export it from smapp-lite')
  if (c.kdf !== 'ARGON2' || c.cipher !== 'AES-256-CTR') {
    fail(`expected kdf ARGON2 and cipher AES-256-CTR, got ${String(c.kdf)} / ${String(c.cipher)}`)
  }
  const kp = (c.kdfparams ?? {}) as Record<string, unknown>
  const memorySize = int(kp.memorySize, 'kdfparams.memorySize', 8, MAX_ARGON2_MEMORY_KIB)
  const parallelism = int(kp.parallelism, 'kdfparams.parallelism', 1, MAX_ARGON2_PARALLELISM)
  if (memorySize < 8 * parallelism) fail('kdfparams.memorySize: below 8 KiB per lane')
  return {
    meta: {
      displayName: typeof v.meta?.displayName === 'string' ? v.meta.displayName : 'Imported wallet',
      created: typeof v.meta?.created === 'string' ? v.meta.created : new Date(0).toISOString(),
    },
    crypto: {
      kdf: 'ARGON2',
      kdfparams: {
        salt: hex(kp.salt, 'kdfparams.salt'),
        iterations: int(kp.iterations, 'kdfparams.iterations', 1, MAX_ARGON2_ITERATIONS),
        memorySize,
        parallelism,
      },
      cipher: 'AES-256-CTR',
      cipherParams: {
        iv: hex((c.cipherParams as Record<string, unknown> | undefined)?.iv, 'cipherParams.iv', 16),
      },
      cipherText: hex(c.cipherText, 'cipherText'),
      mac: hex(c.mac, 'mac', 32),
    },
  }
}
