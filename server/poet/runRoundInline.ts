/** Runs a round's sequential work on the calling thread, sliced (see RoundWork.ts). */
import { encodePoetProof, PoetProver } from '../../src/core/poet/index.ts'
import type { RoundWork, RoundWorkResult } from './RoundWork.ts'
import { runSequentialWork } from './runSequentialWork.ts'

export async function runRoundInline(work: RoundWork): Promise<RoundWorkResult> {
  const prover = new PoetProver(work.statement)
  const leafCount = await runSequentialWork({
    prover,
    isPastEnd: () => work.now() >= work.endMs,
    signal: work.signal,
  })
  return { proof: encodePoetProof(prover.prove()), leafCount }
}
