/**
 * A small seeded generator (splitmix64) for tests and the in-test harness: core code never calls
 * Math.random (CONVENTIONS 1, 18), and a failing run replays from the seed it prints.
 */
export interface SeededRng {
  readonly seed: bigint
  /** Uniform 64-bit value. */
  nextU64(): bigint
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number
  bytes(n: number): Uint8Array
}

const MASK = (1n << 64n) - 1n

export function createSeededRng(seed: bigint | number): SeededRng {
  const start = BigInt(seed) & MASK
  let state = start
  const nextU64 = (): bigint => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK
    let z = state
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK
    return z ^ (z >> 31n)
  }
  return {
    seed: start,
    nextU64,
    nextInt: (bound) => Number(nextU64() % BigInt(bound)),
    bytes(n) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i += 8) {
        let v = nextU64()
        for (let k = i; k < Math.min(n, i + 8); k++) {
          out[k] = Number(v & 0xffn)
          v >>= 8n
        }
      }
      return out
    },
  }
}
