import { describe, expect, it } from 'vitest'
import { computePoetRound } from './computePoetRound.ts'
import { computePoetRoundTimes } from './computePoetRoundTimes.ts'

// poet's server defaults (reference post-poet.md §3.4): epoch 30 s, phase shift 15 s, gap 10 s.
const s = { genesisMs: 1_000_000, epochDurationMs: 30_000, phaseShiftMs: 15_000, cycleGapMs: 10_000 }

describe('PoET round timing', () => {
  it('opens round 0 until genesis + phase shift, then one round per epoch', () => {
    expect(computePoetRound(0, s)).toEqual({ round: 0, startMs: 1_015_000, endMs: 1_035_000 })
    expect(computePoetRound(1_014_999, s).round).toBe(0)
    expect(computePoetRound(1_015_000, s)).toEqual({ round: 1, startMs: 1_045_000, endMs: 1_065_000 })
    expect(computePoetRound(1_044_999, s).round).toBe(1)
    expect(computePoetRound(1_045_000, s).round).toBe(2)
  })

  it('runs each round for epoch − cycle gap and refuses an impossible schedule', () => {
    const t = computePoetRoundTimes(7, s)
    expect(t.endMs - t.startMs).toBe(20_000)
    expect(() => computePoetRound(0, { ...s, cycleGapMs: 30_000 })).toThrow(/cycleGap/)
  })
})
