/**
 * Bit-exactness against github.com/spacemeshos/fixed v0.1.2 (the version go-spacemesh pins):
 * `fixtures/bincdf-vectors.json` was printed by the real library (see fixtures/README.md). Raw
 * words are big-endian hex of the 128-bit sign-magnitude word; "panic" means the library panics.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeBinCdf } from './computeBinCdf.ts'
import type { Fixed } from './Fixed.ts'
import { FixedError } from './FixedError.ts'
import { fixedAdd, fixedDiv, fixedDivUint64, fixedMul, fixedSub } from './fixedArithmetic.ts'
import vectors from './fixtures/bincdf-vectors.json' with { type: 'json' }

const word = (hex: string): Fixed => BigInt(`0x${hex}`)
const show = (f: () => Fixed): string => {
  try {
    return f().toString(16).padStart(32, '0')
  } catch (e) {
    if (e instanceof FixedError) return 'panic'
    throw e
  }
}

const ops = { mul: fixedMul, div: fixedDiv, add: fixedAdd, sub: fixedSub } as const

describe('spacemeshos/fixed vectors', () => {
  it(`DivUint64 (${vectors.divUint64.length} cases)`, () => {
    for (const c of vectors.divUint64) {
      expect(
        show(() => fixedDivUint64(BigInt(c.p), BigInt(c.q))),
        `${c.p}/${c.q}`,
      ).toBe(c.r)
    }
  })

  it(`Mul, Div, Add, Sub on raw words (${vectors.ops.length} cases)`, () => {
    for (const c of vectors.ops) {
      const op = ops[c.op as keyof typeof ops]
      expect(
        show(() => op(word(c.a), word(c.b))),
        `${c.op} ${c.a} ${c.b}`,
      ).toBe(c.r)
    }
  })

  it(`BinCDF (${vectors.binCdf.length} cases)`, () => {
    for (const c of vectors.binCdf) {
      expect(
        show(() => computeBinCdf(BigInt(c.n), word(c.p), BigInt(c.x))),
        `n=${c.n} p=${c.p} x=${c.x}`,
      ).toBe(c.cdf)
    }
  })

  it('arbitrary words and arguments give a 128-bit word or a FixedError, nothing else', () => {
    const word128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n })
    const settles = (f: () => Fixed): boolean => {
      try {
        const v = f()
        return v >= 0n && v < 1n << 128n
      } catch (e) {
        return e instanceof FixedError
      }
    }
    fc.assert(
      fc.property(word128, word128, (a, b) => Object.values(ops).every((op) => settles(() => op(a, b)))),
      { numRuns: 500, seed: 3 },
    )
    fc.assert(
      fc.property(
        fc.bigInt({ min: -4n, max: (1n << 31n) + 4n }),
        fc.oneof(word128, fc.bigInt({ min: 0n, max: 1n << 56n })),
        fc.bigInt({ min: -4n, max: (1n << 31n) + 4n }),
        (n, p, x) => settles(() => computeBinCdf(n, p, x)),
      ),
      { numRuns: 120, seed: 4 },
    )
  })
})
