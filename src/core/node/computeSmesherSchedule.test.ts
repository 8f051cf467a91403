import { describe, expect, it } from 'vitest'
import { mainnet, sim } from '../params/presets.ts'
import { computeSmesherSchedule, firstReachableEpoch } from './computeSmesherSchedule.ts'

const hour = 3_600_000

describe('computeSmesherSchedule', () => {
  it('places mainnet publish epoch 2 as go-spacemesh does: round from 10 days into epoch 1 for 13.5 days', () => {
    const s = computeSmesherSchedule(2, 0, mainnet)
    expect(s.poetRound).toBe(1)
    expect(s.roundStartMs).toBe(336 * hour + 240 * hour)
    expect(s.registerAtMs).toBe(s.roundStartMs - hour)
    expect(s.roundEndMs - s.roundStartMs).toBe(324 * hour)
    // The proof is out inside epoch 2, leaving the rest of the epoch to prove PoST and publish.
    expect(s.publishStartMs).toBe(2 * 336 * hour)
    expect(s.roundEndMs).toBeGreaterThan(s.publishStartMs)
    expect(s.roundEndMs).toBeLessThan(s.publishEndMs)
  })

  it('gives the sim preset a 1 s grace, a 6 s round and an 8 s publish window', () => {
    expect(computeSmesherSchedule(1, 1000, sim)).toEqual({
      publishEpoch: 1,
      poetRound: 0,
      registerAtMs: 4000,
      roundStartMs: 5000,
      roundEndMs: 11_000,
      publishStartMs: 9000,
      publishEndMs: 17_000,
    })
  })

  it('skips epochs whose registration already passed', () => {
    expect(firstReachableEpoch(0, 0, sim)).toBe(1)
    expect(firstReachableEpoch(3001, 0, sim)).toBe(2)
    expect(() => computeSmesherSchedule(0, 0, sim)).toThrow(/publishEpoch: expected an integer >= 1, got 0/)
  })
})
