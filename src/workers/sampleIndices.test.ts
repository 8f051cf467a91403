import { describe, expect, it } from 'vitest'
import { sampleIndices } from './sampleIndices.ts'

describe('sampleIndices', () => {
  it('draws distinct sorted indices below the total, the same for the same seed', () => {
    const a = sampleIndices(1_000_000, 500, 42)
    expect(a).toHaveLength(500)
    expect(new Set(a).size).toBe(500)
    expect(a.every((i, k) => i >= 0 && i < 1_000_000 && (k === 0 || i > (a[k - 1] as number)))).toBe(true)
    expect(sampleIndices(1_000_000, 500, 42)).toEqual(a)
    expect(sampleIndices(1_000_000, 500, 43)).not.toEqual(a)
  })

  it('returns every index when the sample covers the allocation', () => {
    expect(sampleIndices(5, 9, 1)).toEqual([0, 1, 2, 3, 4])
  })
})
