import { computePoetRoundTimes } from './computePoetRoundTimes.ts'

// Re-exported for callers that imported it from here before it moved to its own file.
export { computePoetRoundTimes }

/**
 * PoET round timing (poet `server/config.go`, `service`; reference post-poet.md §3.4):
 * `RoundStart(e) = genesis + PhaseShift + e × EpochDuration`, `RoundEnd(e) = RoundStart(e) +
 * EpochDuration − CycleGap`. Round e takes registrations during [RoundStart(e−1), RoundStart(e))
 * (round 0 from any time before RoundStart(0)), then runs its sequential work until RoundEnd(e).
 * The cycle gap is the time smeshers get to build their PoST after the proof is out.
 */

export interface PoetRoundSchedule {
  readonly genesisMs: number
  /** go-spacemesh `LayerDuration × LayersPerEpoch` (poet `EpochDuration`). */
  readonly epochDurationMs: number
  readonly phaseShiftMs: number
  readonly cycleGapMs: number
}

export interface PoetRoundTimes {
  readonly round: number
  /** Registrations close and the sequential work starts. */
  readonly startMs: number
  /** The sequential work stops and the proof is generated. */
  readonly endMs: number
}

/** The round open for registration at `nowMs`, and its times. */
export function computePoetRound(nowMs: number, s: PoetRoundSchedule): PoetRoundTimes {
  if (
    !(s.epochDurationMs > 0 && s.cycleGapMs > 0 && s.cycleGapMs < s.epochDurationMs && s.phaseShiftMs >= 0)
  ) {
    throw new RangeError('schedule: expected 0 < cycleGap < epochDuration and phaseShift ≥ 0')
  }
  const sincePhase = nowMs - s.genesisMs - s.phaseShiftMs
  const round = sincePhase < 0 ? 0 : Math.floor(sincePhase / s.epochDurationMs) + 1
  return computePoetRoundTimes(round, s)
}
