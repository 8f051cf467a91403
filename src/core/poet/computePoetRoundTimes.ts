import type { PoetRoundSchedule, PoetRoundTimes } from './computePoetRound.ts'

/** Start and end of round `round`'s sequential work. */
export function computePoetRoundTimes(round: number, s: PoetRoundSchedule): PoetRoundTimes {
  const startMs = s.genesisMs + s.phaseShiftMs + round * s.epochDurationMs
  return { round, startMs, endMs: startMs + s.epochDurationMs - s.cycleGapMs }
}
