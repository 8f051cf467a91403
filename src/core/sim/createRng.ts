/**
 * The simulator's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014), seeded from
 * a number. Same seed, same stream, so a failing run replays from the seed it prints
 * (CONVENTIONS 18). Not for keys outside the simulator.
 */
export interface Rng {
  /** Uniform 64-bit value. */
  nextU64(): bigint
  /** Uniform integer in [0, n), n ≤ 2^32. */
  nextInt(n: number): number
  /** `n` uniform bytes. */
  bytes(n: number): Uint8Array
  /** An independent stream derived from this one (one per actor keeps them decoupled). */
  fork(): Rng
}

const MASK = (1n << 64n) - 1n

export function createRng(seed: number | bigint): Rng {
  let state = BigInt.asUintN(64, BigInt(seed))
  const nextU64 = (): bigint => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK
    let z = state
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK
    return z ^ (z >> 31n)
  }
  return {
    nextU64,
    nextInt(n) {
      if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32)
        throw new RangeError(`nextInt: expected 1..2^32, got ${n}`)
      // Multiply-shift maps 32 random bits onto [0, n) with bias below 2^-32 × n, fine for a simulator.
      return Number(((nextU64() >> 32n) * BigInt(n)) >> 32n)
    },
    bytes(n) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i += 8) {
        let v = nextU64()
        for (let j = i; j < Math.min(n, i + 8); j++) {
          out[j] = Number(v & 0xffn)
          v >>= 8n
        }
      }
      return out
    },
    fork() {
      return createRng(nextU64())
    },
  }
}
