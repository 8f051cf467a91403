import { describe, expect, it } from 'vitest'
import { createRng, type Rng } from '../sim/createRng.ts'
import { countCommitteeSeats, readVrfFraction } from './countCommitteeSeats.ts'

/** Exact rational inverse CDF: smallest x with CDF(x) > frac / 2^56, for small n. */
function exactSeats(n: bigint, c: bigint, total: bigint, frac: bigint): number {
  if (c > total) {
    n *= c
    total *= c
  }
  const denom = total ** n
  let acc = 0n
  let binom = 1n
  for (let x = 0n; x <= n; x++) {
    if (x > 0n) binom = (binom * (n - x + 1n)) / x
    acc += binom * c ** x * (total - c) ** (n - x)
    // acc / denom > frac / 2^56
    if (acc << 56n > frac * denom) return Number(x)
  }
  return Number(n)
}

function proofWithFraction(rng: Rng): Uint8Array {
  return rng.bytes(80)
}

describe('countCommitteeSeats', () => {
  it('matches exact rational sortition for small weights', () => {
    const seed = 0x5eedn
    const rng = createRng(seed)
    for (let i = 0; i < 300; i++) {
      const total = BigInt(1 + rng.nextInt(200))
      const weight = BigInt(1 + rng.nextInt(Number(total)))
      const committee = 1 + rng.nextInt(60)
      const proof = proofWithFraction(rng)
      const got = countCommitteeSeats({ weight, totalWeight: total, committee, proof })
      const want = exactSeats(weight, BigInt(committee), total, readVrfFraction(proof))
      expect(got, `seed ${seed} case ${i} w=${weight} T=${total} c=${committee}`).toBe(want)
    }
  })

  it('hands out committee-sized seat totals in expectation', () => {
    const seed = 42n
    const rng = createRng(seed)
    const weights = Array.from({ length: 40 }, () => BigInt(1 + rng.nextInt(1000)))
    const total = weights.reduce((a, b) => a + b, 0n)
    const committee = 50
    let seats = 0
    const rounds = 40
    for (let r = 0; r < rounds; r++) {
      for (const weight of weights) {
        seats += countCommitteeSeats({ weight, totalWeight: total, committee, proof: rng.bytes(80) })
      }
    }
    const mean = seats / rounds
    expect(Math.abs(mean - committee), `seed ${seed} mean ${mean}`).toBeLessThan(5)
  })

  it('handles mainnet-scale weights without walking n', () => {
    const rng = createRng(7)
    const weight = 2n ** 29n
    const got = countCommitteeSeats({ weight, totalWeight: 2n ** 40n, committee: 400, proof: rng.bytes(80) })
    expect(got).toBeLessThan(10)
  })

  it('only reads the low 56 bits of the proof prefix', () => {
    const proof = new Uint8Array(80)
    proof[7] = 0xff
    expect(readVrfFraction(proof)).toBe(0n)
    proof[6] = 0x80
    expect(readVrfFraction(proof)).toBe(1n << 55n)
  })

  it('rejects impossible inputs with typed errors', () => {
    const proof = new Uint8Array(80)
    expect(() => countCommitteeSeats({ weight: 1n, totalWeight: 0n, committee: 5, proof })).toThrow(
      expect.objectContaining({ code: 'ZERO_TOTAL_WEIGHT' }),
    )
    expect(() =>
      countCommitteeSeats({ weight: 2n ** 31n, totalWeight: 2n ** 40n, committee: 5, proof }),
    ).toThrow(expect.objectContaining({ code: 'WEIGHT_TOO_LARGE' }))
  })
})
