import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import vectors from '../fixed/fixtures/bincdf-vectors.json' with { type: 'json' }
import { createRng } from '../sim/createRng.ts'
import {
  countCommitteeSeats,
  isSeatCountValid,
  readVrfFraction,
  type SeatsInput,
} from './countCommitteeSeats.ts'
import { EligibilityError } from './EligibilityError.ts'

/**
 * The pre-port implementation, kept as an independent reference: the binomial CDF in BigInt fixed
 * point with E + 128 fraction bits (E ≥ −log2 of the first term), absolute error below 2^−100.
 */
function referenceSeats(weight: bigint, total: bigint, committee: bigint, frac: bigint): number {
  let n = weight
  if (committee > total) {
    n *= committee
    total *= committee
  }
  if (n === 0n) return 0
  const rest = total - committee
  if (rest === 0n) return Number(n)
  const bits = (3n * n * committee) / (2n * rest) + 2n + 128n
  const pow = (base: bigint, exp: bigint): bigint => {
    let result = 1n << bits
    while (exp > 0n) {
      if (exp & 1n) result = (result * base) >> bits
      base = (base * base) >> bits
      exp >>= 1n
    }
    return result
  }
  const target = frac << (bits - 56n)
  let term = pow((rest << bits) / total, n)
  let cdf = term
  for (let x = 0n; x < n; x++) {
    if (cdf > target) return Number(x)
    term = (term * (n - x) * committee) / ((x + 1n) * rest)
    cdf += term
    if (term === 0n && (x + 1n) * total > n * committee) return Number(x + 1n)
  }
  return Number(n)
}

function proofOf(frac: bigint, top = 0): Uint8Array {
  const proof = new Uint8Array(80)
  for (let i = 0; i < 7; i++) proof[i] = Number((frac >> BigInt(8 * i)) & 0xffn)
  proof[7] = top
  return proof
}

function prefixProof(hex: string): Uint8Array {
  const proof = new Uint8Array(80)
  for (let i = 0; i < 8; i++) proof[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return proof
}

/** Generous bound on |fixed BinCDF − exact CDF| in 2^−56 units (measured worst: under 2^10). */
const ROUNDING_WINDOW = 1n << 24n
const MAX_FRAC = (1n << 56n) - 1n

describe('countCommitteeSeats', () => {
  it(`matches go-spacemesh's oracle on ${vectors.seats.length} spacemeshos/fixed vectors`, () => {
    let steps = 0
    for (const v of vectors.seats) {
      const input: SeatsInput = {
        weight: BigInt(v.weight),
        totalWeight: BigInt(v.total),
        committee: v.committee,
        proof: prefixProof(v.prefix),
      }
      const label = `${v.kind} w=${v.weight} T=${v.total} c=${v.committee} prefix=${v.prefix}`
      if (v.count === 'error') {
        expect(() => countCommitteeSeats(input), label).toThrow(
          expect.objectContaining({ code: 'WEIGHT_TOO_LARGE' }),
        )
        continue
      }
      expect(countCommitteeSeats(input), label).toBe(v.count)
      const count = Number(v.count)
      const valid = Array.from({ length: count + 3 }, (_, x) => x).filter((x) => isSeatCountValid(input, x))
      expect(valid, label).toEqual(v.valid)
      if (v.kind === 'step') steps++
    }
    expect(steps).toBeGreaterThan(100)
  }, 240_000)

  it('at CDF steps, frac = step − 1 and frac = step give different counts', () => {
    // The fixture's step cases come in triples (step − 1, step, step + 1) from a bisection.
    const steps = vectors.seats.filter((v) => v.kind === 'step')
    let jumps = 0
    for (let i = 0; i + 1 < steps.length; i++) {
      const a = steps[i]!
      const b = steps[i + 1]!
      const fa = readVrfFraction(prefixProof(a.prefix))
      const fb = readVrfFraction(prefixProof(b.prefix))
      if (a.weight === b.weight && a.total === b.total && fb === fa + 1n && b.count !== a.count) jumps++
    }
    expect(jumps).toBeGreaterThan(30)
  })

  it('is monotone in the VRF fraction', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 24n }),
        fc.bigInt({ min: 0n, max: 1n << 30n }),
        fc.integer({ min: 1, max: 100 }),
        fc.bigInt({ min: 0n, max: MAX_FRAC }),
        fc.bigInt({ min: 0n, max: MAX_FRAC }),
        (total, extra, committee, f1, f2) => {
          const weight = 1n + (extra % total)
          const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1]
          const seats = (f: bigint) =>
            countCommitteeSeats({ weight, totalWeight: total, committee, proof: proofOf(f) })
          expect(seats(lo)).toBeLessThanOrEqual(seats(hi))
        },
      ),
      { numRuns: 40, seed: 0x5eed },
    )
  })

  it('agrees with the high-precision reference except within the rounding window of a step', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 40n }),
        fc.bigInt({ min: 0n, max: 1n << 40n }),
        fc.integer({ min: 1, max: 800 }),
        fc.bigInt({ min: 0n, max: MAX_FRAC }),
        (total, extra, committee, frac) => {
          const weight = 1n + (extra % (total < 1n << 20n ? total : 1n << 20n))
          const got = countCommitteeSeats({ weight, totalWeight: total, committee, proof: proofOf(frac) })
          const c = BigInt(committee)
          const below = referenceSeats(weight, total, c, frac > ROUNDING_WINDOW ? frac - ROUNDING_WINDOW : 0n)
          const above = referenceSeats(
            weight,
            total,
            c,
            frac + ROUNDING_WINDOW > MAX_FRAC ? MAX_FRAC : frac + ROUNDING_WINDOW,
          )
          expect(got).toBeGreaterThanOrEqual(below)
          expect(got).toBeLessThanOrEqual(above)
        },
      ),
      { numRuns: 80, seed: 0xf1ed },
    )
  })

  it('hands out committee-sized seat totals in expectation', () => {
    const seed = 42n
    const rng = createRng(seed)
    const weights = Array.from({ length: 40 }, () => BigInt(1 + rng.nextInt(1000)))
    const total = weights.reduce((a, b) => a + b, 0n)
    const committee = 50
    let seats = 0
    const rounds = 10
    for (let r = 0; r < rounds; r++) {
      for (const weight of weights) {
        seats += countCommitteeSeats({ weight, totalWeight: total, committee, proof: rng.bytes(80) })
      }
    }
    const mean = seats / rounds
    expect(Math.abs(mean - committee), `seed ${seed} mean ${mean}`).toBeLessThan(8)
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
    expect(() => countCommitteeSeats({ weight: 1n, totalWeight: 10n, committee: 0, proof })).toThrow(
      expect.objectContaining({ code: 'ZERO_COMMITTEE' }),
    )
    expect(() => countCommitteeSeats({ weight: 11n, totalWeight: 10n, committee: 5, proof })).toThrow(
      expect.objectContaining({ code: 'NOT_ACTIVE' }),
    )
    expect(() =>
      countCommitteeSeats({ weight: 2n ** 31n, totalWeight: 2n ** 40n, committee: 5, proof }),
    ).toThrow(expect.objectContaining({ code: 'WEIGHT_TOO_LARGE' }))
  })

  it('throws only EligibilityError on arbitrary inputs', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
        fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
        fc.integer({ min: -5, max: 5000 }),
        fc.uint8Array({ minLength: 8, maxLength: 80 }),
        fc.integer({ min: 0, max: 0xffff }),
        (weight, totalWeight, committee, proof, count) => {
          const input = { weight, totalWeight, committee, proof }
          for (const run of [() => countCommitteeSeats(input), () => isSeatCountValid(input, count)]) {
            try {
              run()
            } catch (e) {
              expect(e).toBeInstanceOf(EligibilityError)
            }
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    )
  })
})
