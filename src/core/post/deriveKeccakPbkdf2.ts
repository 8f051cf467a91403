import { pbkdf2 } from '@noble/hashes/pbkdf2.js'
import { keccak_512 } from '@noble/hashes/sha3.js'

/**
 * PBKDF2-HMAC-Keccak-512 with one iteration, as scrypt-jane builds it with `SCRYPT_KECCAK512`
 * (post-poet.md §1.1). Keccak-512 here is the original Keccak submission (pad byte 0x01), not
 * SHA3-512 (0x06); noble's `keccak_512` is exactly that, and its HMAC uses the 72-byte rate as
 * the block size, so a 72-byte password is the HMAC key as it is.
 */
export function deriveKeccakPbkdf2(password: Uint8Array, salt: Uint8Array, dkLen: number): Uint8Array {
  return pbkdf2(keccak_512, password, salt, { c: 1, dkLen })
}
