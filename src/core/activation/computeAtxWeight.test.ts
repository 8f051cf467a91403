import { describe, expect, it } from 'vitest'
import { computeAtxWeight } from './computeAtxWeight.ts'

describe('computeAtxWeight', () => {
  it('counts whole ticks of the PoET leaves from the positioning height', () => {
    const w = computeAtxWeight({ effectiveNumUnits: 3, leafCount: 199n, tickSize: 16, baseTickHeight: 40n })
    expect(w).toEqual({ tickCount: 12n, tickHeight: 52n, weight: 36n })
  })

  it('reports u64 overflow instead of wrapping', () => {
    const max = (1n << 64n) - 1n
    const big = computeAtxWeight({
      effectiveNumUnits: 2 ** 32 - 1,
      leafCount: max,
      tickSize: 1,
      baseTickHeight: 0n,
    })
    expect(big.weight).toBeUndefined()
    const high = computeAtxWeight({ effectiveNumUnits: 1, leafCount: 2n, tickSize: 1, baseTickHeight: max })
    expect(high.weight).toBeUndefined()
    expect(
      computeAtxWeight({ effectiveNumUnits: 1, leafCount: max, tickSize: 1, baseTickHeight: 0n }).weight,
    ).toBe(max)
  })

  it('refuses a non-positive tick size', () => {
    expect(() =>
      computeAtxWeight({ effectiveNumUnits: 1, leafCount: 1n, tickSize: 0, baseTickHeight: 0n }),
    ).toThrow(/tickSize: expected a positive integer, got 0/)
  })
})
