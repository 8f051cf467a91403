import { describe, expect, it } from 'vitest'
import { computeActiveSetHash } from './computeActiveSetHash.ts'
import { computeEligibleLayer } from './computeEligibleLayer.ts'
import { computeEligibleSlots } from './computeEligibleSlots.ts'
import { selectActiveSetEpoch } from './selectActiveSetEpoch.ts'

describe('computeEligibleSlots', () => {
  it('is proportional to weight, at least one', () => {
    const base = { totalWeight: 1000n, layerAvgSize: 50, layersPerEpoch: 10 }
    expect(computeEligibleSlots({ ...base, weight: 100n })).toBe(50)
    expect(computeEligibleSlots({ ...base, weight: 200n })).toBe(100)
    expect(computeEligibleSlots({ ...base, weight: 1n })).toBe(1)
    expect(computeEligibleSlots({ ...base, weight: 0n })).toBe(1)
    expect(computeEligibleSlots({ ...base, weight: 100n, minWeight: 10_000n })).toBe(5)
  })

  it('wraps the product at 2^64 as go-spacemesh does', () => {
    const weight = 2n ** 62n
    const got = computeEligibleSlots({ weight, totalWeight: 1n, layerAvgSize: 8, layersPerEpoch: 1 })
    // 2^62 × 8 = 2^65 ≡ 0 (mod 2^64) → 0 → bumped to 1
    expect(got).toBe(1)
  })

  it('rejects an empty active set', () => {
    expect(() =>
      computeEligibleSlots({ weight: 1n, totalWeight: 0n, layerAvgSize: 1, layersPerEpoch: 1 }),
    ).toThrow(expect.objectContaining({ code: 'ZERO_TOTAL_WEIGHT' }))
  })
})

describe('computeEligibleLayer', () => {
  it('reads the proof prefix little-endian', () => {
    const proof = new Uint8Array(80)
    proof[0] = 13
    expect(computeEligibleLayer(3, 10, proof)).toBe(33)
    proof[1] = 1 // 256 + 13 = 269 ≡ 9
    expect(computeEligibleLayer(3, 10, proof)).toBe(39)
  })
})

describe('computeActiveSetHash', () => {
  it('does not depend on input order', () => {
    const a = new Uint8Array(32).fill(1)
    const b = new Uint8Array(32).fill(2)
    expect(computeActiveSetHash([b, a])).toEqual(computeActiveSetHash([a, b]))
    expect(computeActiveSetHash([a])).not.toEqual(computeActiveSetHash([a, b]))
  })
})

describe('selectActiveSetEpoch', () => {
  it('uses the previous epoch during the confidence window', () => {
    expect(selectActiveSetEpoch(30, 10, 2)).toBe(2)
    expect(selectActiveSetEpoch(31, 10, 2)).toBe(2)
    expect(selectActiveSetEpoch(32, 10, 2)).toBe(3)
    expect(selectActiveSetEpoch(20, 10, 2)).toBe(2)
  })
})
