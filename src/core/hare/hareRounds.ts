/**
 * Hare 3 round arithmetic (go-spacemesh `hare3/types.go`, go-spacemesh.md §2.8).
 *
 * An iteration is hardlock, softlock, propose, wait1, wait2, commit, notify; the layer starts
 * with a preround, and iteration 0 skips hardlock. The absolute round is iter × 7 + round (so
 * notify of iteration i and hardlock of i+1 are 7i+7 and 7(i+1)+1: one index is never used).
 *
 * Grades measure lateness: a message stamped with the round the receiver was in when it arrived
 * has delay = rounds since its own round (minus one for the preround, whose successor round is
 * softlock, two steps on) and grade = 6 − delay, floored at 0. On-time messages have grade 5.
 */
export const Round = {
  PREROUND: 0,
  HARDLOCK: 1,
  SOFTLOCK: 2,
  PROPOSE: 3,
  WAIT1: 4,
  WAIT2: 5,
  COMMIT: 6,
  NOTIFY: 7,
} as const

export type RoundValue = (typeof Round)[keyof typeof Round]

export interface IterRound {
  readonly iter: number
  readonly round: number
}

export function absoluteRound(ir: IterRound): number {
  return ir.iter * Round.NOTIFY + ir.round
}

/** Rounds elapsed from `since` to `ir` (go `IterRound.Delay`). */
export function roundDelay(ir: IterRound, since: IterRound): number {
  const a = absoluteRound(ir)
  const b = absoluteRound(since)
  if (a <= b) return 0
  let delay = a - b
  if (since.iter === 0 && since.round === Round.PREROUND) delay--
  return delay
}

/** Grade of a message of round `since` received while in `ir` (go `IterRound.Grade`). */
export function roundGrade(ir: IterRound, since: IterRound): number {
  return Math.max(6 - roundDelay(ir, since), 0)
}

/** Rounds in which a message is sent: preround, propose, commit, notify. */
export function isMessageRound(round: number): boolean {
  return (
    round === Round.PREROUND || round === Round.PROPOSE || round === Round.COMMIT || round === Round.NOTIFY
  )
}
