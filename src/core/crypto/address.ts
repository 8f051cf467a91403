/**
 * Account addresses (go-spacemesh `common/types/address.go`).
 *
 * An address is 24 bytes: 4 reserved zero bytes, then the last 20 bytes of a BLAKE3 hash (see
 * `src/core/vm/computePrincipal.ts`). As text it is bech32 (BIP-173, not bech32m) of all 24
 * bytes under the network's human-readable part — `sm` on mainnet, `stest` on test networks —
 * 48 characters on mainnet.
 *
 * Decoding follows go-spacemesh: the checksum must hold, the HRP must be the configured one, the
 * payload must be exactly 39 five-bit words (24 bytes) and the reserved bytes must be zero. We are
 * stricter in one place: go converts 5→8 bits with padding and drops the 3 leftover bits, so it
 * accepts strings whose padding bits are set; we reject them (as the `bech32` package smapp-lite
 * uses does), so each address has exactly one text form.
 */
import { bech32 } from '@scure/base'

export const ADDRESS_LENGTH = 24
/** The leading bytes that must be zero (go `AddressReservedSpace`). */
export const ADDRESS_RESERVED_LENGTH = 4
/** 24 bytes = 192 bits → ⌈192 / 5⌉ = 39 bech32 words. */
const ADDRESS_WORDS = 39
/** Longest text accepted before any parsing: an 83-char HRP (BIP-173 max) + 1 + 39 + 6 = 129. */
const MAX_ADDRESS_TEXT = 129

export type AddressErrorCode =
  | 'BAD_CHECKSUM'
  | 'WRONG_HRP'
  | 'BAD_LENGTH'
  | 'RESERVED_BYTES_NOT_ZERO'
  | 'MALFORMED'

export class AddressError extends Error {
  override readonly name = 'AddressError'
  constructor(
    readonly code: AddressErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'

/** bech32 text of a 24-byte address. */
export function encodeAddress(address: Uint8Array, hrp: string): string {
  if (!(address instanceof Uint8Array) || address.length !== ADDRESS_LENGTH) {
    throw new RangeError(`address: expected ${ADDRESS_LENGTH} bytes, got ${address?.length}`)
  }
  if (hrp.length === 0 || hrp !== hrp.toLowerCase()) {
    throw new RangeError(`hrp: expected a non-empty lowercase prefix, got '${hrp}'`)
  }
  return bech32.encode(hrp, bech32.toWords(address), false)
}

/** Parses bech32 address text for the network `hrp`; throws AddressError naming what is wrong. */
export function decodeAddress(text: string, hrp: string): Uint8Array {
  if (typeof text !== 'string') throw new AddressError('MALFORMED', 'address: expected a string')
  if (text.length > MAX_ADDRESS_TEXT) {
    throw new AddressError('BAD_LENGTH', `address: ${text.length} characters, at most ${MAX_ADDRESS_TEXT}`)
  }
  // Structure first, so that a checksum failure below means exactly that.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 33 || c > 126) {
      throw new AddressError('MALFORMED', `address: character ${i + 1} is not printable ASCII`)
    }
  }
  const lower = text.toLowerCase()
  if (text !== lower && text !== text.toUpperCase()) {
    throw new AddressError('MALFORMED', 'address: mixes upper and lower case')
  }
  const sep = lower.lastIndexOf('1')
  if (sep < 1) throw new AddressError('MALFORMED', `address: no '1' separator after a prefix in '${text}'`)
  const data = lower.slice(sep + 1)
  if (data.length < 6) throw new AddressError('MALFORMED', `address: too short for a checksum: '${text}'`)
  for (const ch of data) {
    if (!CHARSET.includes(ch))
      throw new AddressError('MALFORMED', `address: '${ch}' is not a bech32 character`)
  }
  let decoded: { prefix: string; words: number[] }
  try {
    decoded = bech32.decode(lower, false)
  } catch {
    throw new AddressError('BAD_CHECKSUM', `address: bad checksum in '${text}' (a typo?)`)
  }
  if (decoded.prefix !== hrp) {
    throw new AddressError('WRONG_HRP', `address: expected prefix '${hrp}', got '${decoded.prefix}'`)
  }
  if (decoded.words.length !== ADDRESS_WORDS) {
    throw new AddressError(
      'BAD_LENGTH',
      `address: expected ${ADDRESS_WORDS} data characters (${ADDRESS_LENGTH} bytes), got ${decoded.words.length}`,
    )
  }
  const bytes = bech32.fromWordsUnsafe(decoded.words)
  if (bytes === undefined) throw new AddressError('MALFORMED', 'address: non-zero padding bits')
  for (let i = 0; i < ADDRESS_RESERVED_LENGTH; i++) {
    if (bytes[i] !== 0) {
      throw new AddressError(
        'RESERVED_BYTES_NOT_ZERO',
        `address: the first ${ADDRESS_RESERVED_LENGTH} bytes must be zero`,
      )
    }
  }
  return bytes
}
