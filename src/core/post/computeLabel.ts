import { deriveKeccakPbkdf2 } from './deriveKeccakPbkdf2.ts'
import { mixRomixChacha8 } from './mixRomixChacha8.ts'

/** Bytes of a stored PoST label (post-rs `LABEL_SIZE`). */
export const LABEL_BYTES = 16
/** Bytes of the full scrypt output, compared during the VRF nonce search (`ENTIRE_LABEL_SIZE`). */
export const FULL_LABEL_BYTES = 32

/**
 * The 16-byte PoST label at `index`: the first half of {@link computeLabelFull}.
 * This is the clear reference; the WASM labeler in `src/post-wasm` is the fast one.
 */
export function computeLabel(commitment: Uint8Array, index: bigint | number, n: number): Uint8Array {
  return computeLabelFull(commitment, index, n).subarray(0, LABEL_BYTES)
}

/**
 * The full 32-byte scrypt-jane output for label `index` (post-poet.md §1.1): password =
 * commitment ‖ u64le(index) ‖ 32 zero bytes (72 bytes, one Keccak block), empty salt,
 * r = 1, p = 1, ChaCha20/8 mixing, PBKDF2-HMAC-Keccak-512. The VRF nonce search (§1.3)
 * compares these 32 bytes; labels keep only the first 16.
 */
export function computeLabelFull(commitment: Uint8Array, index: bigint | number, n: number): Uint8Array {
  if (commitment.length !== 32) throw new RangeError(`expected 32-byte commitment, got ${commitment.length}`)
  if (!Number.isSafeInteger(n) || n < 2 || (n & (n - 1)) !== 0 || n > 1 << 24) {
    throw new RangeError(`expected scrypt N a power of two in 2..2^24, got ${n}`)
  }
  const i = BigInt(index)
  if (i < 0n || i >= 1n << 64n) throw new RangeError(`expected label index in 0..2^64-1, got ${i}`)
  const password = new Uint8Array(72)
  password.set(commitment, 0)
  new DataView(password.buffer).setBigUint64(32, i, true)
  // scrypt step 1: B = PBKDF2(P, salt = "", 1, 128 bytes); the chunk is read as little-endian words.
  const b = deriveKeccakPbkdf2(password, new Uint8Array(0), 128)
  const words = new Uint32Array(32)
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  for (let w = 0; w < 32; w++) words[w] = view.getUint32(4 * w, true)
  // scrypt step 2: ROMix.
  mixRomixChacha8(words, n)
  for (let w = 0; w < 32; w++) view.setUint32(4 * w, words[w] as number, true)
  // scrypt step 3: output = PBKDF2(P, salt = B', 1, 32 bytes).
  return deriveKeccakPbkdf2(password, b, FULL_LABEL_BYTES)
}
