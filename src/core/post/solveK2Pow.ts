/**
 * A bounded k2pow search: tries pow = startNonce, startNonce + 1, … at most `maxTries` times and
 * returns the first whose hash is below `difficulty`, or undefined. Callers loop (and yield to
 * their event loop, report progress or stop) between calls; core never runs unbounded.
 */
import { blake3 } from '@noble/hashes/blake3.js'
import { compareBytes } from './compareBytes.ts'
import { type K2PowInput, layoutK2PowInput, writePowNonce } from './hashK2Pow.ts'

/** Exclusive upper bound of pow nonces: the hash sees only their low 7 bytes. */
export const K2POW_NONCE_LIMIT = 1n << 56n

export function solveK2Pow(
  input: K2PowInput,
  difficulty: Uint8Array,
  startNonce: bigint,
  maxTries: number,
): bigint | undefined {
  if (difficulty.length !== 32)
    throw new RangeError(`difficulty: expected 32 bytes, got ${difficulty.length}`)
  if (startNonce < 0n) throw new RangeError(`startNonce: expected ≥ 0, got ${startNonce}`)
  const buf = layoutK2PowInput(input)
  const end = startNonce + BigInt(maxTries)
  const limit = end < K2POW_NONCE_LIMIT ? end : K2POW_NONCE_LIMIT
  for (let pow = startNonce; pow < limit; pow++) {
    writePowNonce(buf, pow)
    if (compareBytes(blake3(buf), difficulty) < 0) return pow
  }
  return undefined
}
