import { describe, expect, it } from 'vitest'
import { computeProvingDifficulty } from './computeProvingDifficulty.ts'
import { scalePowDifficulty } from './scalePowDifficulty.ts'

describe('computeProvingDifficulty (post-rs difficulty.rs vectors)', () => {
  it('is floor(2^64 × k1 / numLabels)', () => {
    expect(computeProvingDifficulty(1, 2).difficulty).toBe(1n << 63n)
    expect(computeProvingDifficulty(1, 4).difficulty).toBe(1n << 62n)
    expect(computeProvingDifficulty(1, 128).difficulty).toBe(1n << 57n)
  })

  it('splits into an 8-bit msb and a 56-bit lsb', () => {
    // post-poet.md §6.3: K1 = 26 over 4096 labels → 0x01a0000000000000.
    expect(computeProvingDifficulty(26, 4096)).toEqual({
      difficulty: 0x01a0000000000000n,
      msb: 1,
      lsb: 0xa0000000000000n,
    })
  })

  it('rejects numLabels ≤ k1', () => {
    expect(() => computeProvingDifficulty(2, 1)).toThrow(RangeError)
    expect(() => computeProvingDifficulty(1, 1)).toThrow(RangeError)
  })
})

describe('scalePowDifficulty', () => {
  it('divides the 256-bit threshold by numUnits', () => {
    const ff = new Uint8Array(32).fill(0xff)
    expect(scalePowDifficulty(ff, 1)).toEqual(ff)
    expect(scalePowDifficulty(ff, 2)).toEqual(Uint8Array.from([0x7f, ...new Uint8Array(31).fill(0xff)]))
    expect(scalePowDifficulty(ff, 32)).toEqual(Uint8Array.from([0x07, ...new Uint8Array(31).fill(0xff)]))
  })
})
