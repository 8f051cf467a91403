import { describe, expect, it } from 'vitest'
import { computeDecimalExp, roundDecimal } from './computeDecimalExp.ts'

describe('roundDecimal (decimal128 ToNearestEven)', () => {
  it('rounds half to even, honours the sticky remainder and carries into a new digit', () => {
    expect(roundDecimal({ coef: 125n, exp: 0 }, 2)).toEqual({ coef: 12n, exp: 1 })
    expect(roundDecimal({ coef: 135n, exp: 0 }, 2)).toEqual({ coef: 14n, exp: 1 })
    expect(roundDecimal({ coef: 125n, exp: 0 }, 2, true)).toEqual({ coef: 13n, exp: 1 })
    expect(roundDecimal({ coef: -126n, exp: -5 }, 2)).toEqual({ coef: -13n, exp: -4 })
    expect(roundDecimal({ coef: 9995n, exp: 0 }, 3)).toEqual({ coef: 100n, exp: 2 })
    expect(roundDecimal({ coef: 42n, exp: 7 }, 34)).toEqual({ coef: 42n, exp: 7 })
  })
})

describe('computeDecimalExp', () => {
  it('approximates e^x to its precision and refuses what the subsidy never needs', () => {
    // e^−1 = 0.36787944117144232159552377016146086744…; within an ulp at 34 digits.
    const e = computeDecimalExp({ coef: -1n, exp: 0 }, 34)
    expect(e.exp).toBe(-34)
    const exact = 3678794411714423215955237701614608674n // 37 digits, · 10^−37
    const diff = e.coef * 1000n - exact
    expect(diff < 1000n && diff > -1000n).toBe(true)
    expect(() => computeDecimalExp({ coef: 0n, exp: 0 }, 34)).toThrow(/x: expected negative/)
    expect(() => computeDecimalExp({ coef: 1n, exp: 0 }, 34)).toThrow(/x: expected negative/)
    expect(() => computeDecimalExp({ coef: -1n, exp: 3 }, 34)).toThrow(/\|x\| < 1000/)
  })
})
