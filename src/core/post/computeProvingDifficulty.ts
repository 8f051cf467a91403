/**
 * The k1 threshold (post-rs `difficulty.rs` `proving_difficulty`, `Prover8_56::split_difficulty`):
 * a label qualifies for a nonce with probability K1 / numLabels, so the threshold on a u64 of AES
 * output is `floor(2^64 × K1 / numLabels)`. The prover compares its top 8 bits (`msb`) with one
 * output byte per nonce and consults a second cipher for the low 56 bits (`lsb`) only on a tie.
 */
export interface ProvingDifficulty {
  readonly difficulty: bigint
  readonly msb: number
  readonly lsb: bigint
}

const LSB_MASK = (1n << 56n) - 1n

export function computeProvingDifficulty(k1: number, numLabels: number): ProvingDifficulty {
  if (!Number.isSafeInteger(numLabels) || numLabels <= k1) {
    throw new RangeError(`numLabels: expected an integer above k1 = ${k1}, got ${numLabels}`)
  }
  const difficulty = ((1n << 64n) * BigInt(k1)) / BigInt(numLabels)
  if (difficulty >= 1n << 64n) throw new RangeError(`difficulty ${difficulty} does not fit in a u64`)
  return { difficulty, msb: Number(difficulty >> 56n), lsb: difficulty & LSB_MASK }
}
