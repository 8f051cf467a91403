/**
 * MT19937-64 (Matsumoto & Nishimura 2004) seeded with `init_by_array64`, and Go's
 * `math/rand.Rand.Shuffle` on top of it — what go-spacemesh uses to order a block's transactions
 * (`blocks/utils.go` getBlockTXs: seehuhn/mt19937 `SeedFromSlice` + `rand.New(mt).Shuffle`,
 * go-spacemesh.md §2.6). Every node must draw the same permutation, so this is consensus code:
 * the test replays go-spacemesh `Test_getBlockTXs_expected_order`.
 */
const NN = 312
const MM = 156
const MATRIX_A = 0xb5026f5aa96619e9n
const UPPER = 0xffffffff80000000n
const LOWER = 0x7fffffffn
const M64 = (1n << 64n) - 1n

export interface Mt19937_64 {
  /** The next 64-bit output. */
  nextU64(): bigint
}

export function createMt19937_64(key: readonly bigint[]): Mt19937_64 {
  const mt = new Array<bigint>(NN).fill(0n)
  mt[0] = 19650218n
  for (let i = 1; i < NN; i++) {
    const p = mt[i - 1]!
    mt[i] = (6364136223846793005n * (p ^ (p >> 62n)) + BigInt(i)) & M64
  }
  let i = 1
  let j = 0
  const len = Math.max(key.length, 1)
  for (let k = Math.max(NN, key.length); k > 0; k--) {
    const p = mt[i - 1]!
    mt[i] = ((mt[i]! ^ (((p ^ (p >> 62n)) * 3935559000370003845n) & M64)) + (key[j] ?? 0n) + BigInt(j)) & M64
    i++
    j++
    if (i >= NN) {
      mt[0] = mt[NN - 1]!
      i = 1
    }
    if (j >= len) j = 0
  }
  for (let k = NN - 1; k > 0; k--) {
    const p = mt[i - 1]!
    mt[i] = ((mt[i]! ^ (((p ^ (p >> 62n)) * 2862933555777941757n) & M64)) - BigInt(i)) & M64
    i++
    if (i >= NN) {
      mt[0] = mt[NN - 1]!
      i = 1
    }
  }
  mt[0] = 1n << 63n
  let index = NN
  const twist = (a: bigint, b: bigint, c: bigint): bigint => {
    const x = (a & UPPER) | (b & LOWER)
    return c ^ (x >> 1n) ^ (x & 1n ? MATRIX_A : 0n)
  }
  return {
    nextU64() {
      if (index >= NN) {
        for (let n = 0; n < NN; n++) mt[n] = twist(mt[n]!, mt[(n + 1) % NN]!, mt[(n + MM) % NN]!)
        index = 0
      }
      let x = mt[index++]!
      x ^= (x >> 29n) & 0x5555555555555555n
      x ^= (x << 17n) & 0x71d67fffeda60000n
      x ^= (x << 37n) & 0xfff7eee000000000n
      x ^= x >> 43n
      return x & M64
    },
  }
}

/**
 * Go `rand.Rand.Shuffle(n, swap)` over a 64-bit source: Fisher–Yates from the end, each index
 * drawn with `int31n` (Lemire's multiply-shift with rejection) from `Uint32 = Int63 >> 31`,
 * `Int63` being the low 63 bits of the source. n stays far below 2^31 here (≤ 100,000 txs).
 */
export function shuffleLikeGo<T>(rng: Mt19937_64, items: T[]): void {
  const uint32 = (): bigint => (rng.nextU64() & 0x7fffffffffffffffn) >> 31n
  for (let i = items.length - 1; i > 0; i--) {
    const n = BigInt(i + 1)
    let prod = uint32() * n
    let low = prod & 0xffffffffn
    if (low < n) {
      const thresh = ((1n << 32n) - n) % n
      while (low < thresh) {
        prod = uint32() * n
        low = prod & 0xffffffffn
      }
    }
    const j = Number(prod >> 32n)
    const t = items[i]!
    items[i] = items[j]!
    items[j] = t
  }
}
