/** Runs a round's sequential work on the calling thread, sliced (see RoundWork.ts). */
import { proveRound } from './proveRound.ts'
import type { RoundWork, RoundWorkResult } from './RoundWork.ts'

export function runRoundInline(work: RoundWork): Promise<RoundWorkResult> {
  return proveRound({
    statement: work.statement,
    isPastEnd: () => work.now() >= work.endMs,
    signal: work.signal,
    treeDir: work.treeDir,
    checkpoint: work.checkpoint,
    checkpointEveryMs: work.checkpointEveryMs,
    onCheckpoint: work.onCheckpoint,
  })
}
