/**
 * Turns an untrusted JSON body into a SubmitInput, or throws PoetRequestError(400) naming the
 * field, what was expected and what arrived. Byte fields are hex or base64.
 */
import { PoetRequestError } from './PoetRequestError.ts'
import type { SubmitInput } from './PoetService.ts'

export function parseBytesField(value: unknown, field: string, length: number): Uint8Array {
  if (typeof value !== 'string') {
    throw new PoetRequestError(
      400,
      'BAD_FIELD',
      `${field}: expected a hex or base64 string, got ${typeof value}`,
    )
  }
  let bytes: Uint8Array | undefined
  if (/^(0x)?[0-9a-fA-F]*$/.test(value) && value.replace(/^0x/, '').length === 2 * length) {
    bytes = new Uint8Array(Buffer.from(value.replace(/^0x/, ''), 'hex'))
  } else if (/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
    bytes = new Uint8Array(Buffer.from(value, 'base64'))
  }
  if (bytes === undefined || bytes.length !== length) {
    throw new PoetRequestError(
      400,
      'BAD_FIELD',
      `${field}: expected ${length} bytes as hex or base64, got ${bytes === undefined ? 'neither' : `${bytes.length} bytes`}`,
    )
  }
  return bytes
}

function parseNonNegativeInteger(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new PoetRequestError(
      400,
      'BAD_FIELD',
      `${field}: expected a non-negative integer, got ${JSON.stringify(value)}`,
    )
  }
  return n
}

export function parseSubmitRequest(body: unknown): SubmitInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PoetRequestError(400, 'BAD_JSON', 'body: expected a JSON object')
  }
  const b = body as Record<string, unknown>
  return {
    challenge: parseBytesField(b.challenge, 'challenge', 32),
    pubkey: parseBytesField(b.pubkey, 'pubkey', 32),
    signature: parseBytesField(b.signature, 'signature', 64),
    prefix: parseBytesField(b.prefix, 'prefix', 21),
    nonce: parseNonNegativeInteger(b.nonce, 'nonce'),
    powChallenge: parseBytesField(b.powChallenge, 'powChallenge', 32),
    deadlineMs: b.deadlineMs === undefined ? undefined : parseNonNegativeInteger(b.deadlineMs, 'deadlineMs'),
  }
}
