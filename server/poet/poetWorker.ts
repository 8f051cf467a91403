/**
 * worker_threads entry for a round's sequential work (contract in RoundWork.ts): `start` with
 * the statement, then `finish` when the service's clock passes the round end; answers `done`
 * with the SCALE proof. One round per worker; the service terminates it to abort.
 */
import { parentPort } from 'node:worker_threads'
import { encodePoetProof, PoetProver } from '../../src/core/poet/index.ts'
import type { PoetWorkerReply, PoetWorkerRequest } from './RoundWork.ts'
import { runSequentialWork } from './runSequentialWork.ts'

const port = parentPort!
let finishing = false
const reply = (m: PoetWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)

port.on('message', (m: PoetWorkerRequest) => {
  if (m.type === 'finish') finishing = true
  else void run(m.statement)
})

async function run(statement: Uint8Array): Promise<void> {
  try {
    const prover = new PoetProver(statement)
    const leafCount = await runSequentialWork({ prover, isPastEnd: () => finishing })
    const proof = encodePoetProof(prover.prove())
    reply({ type: 'done', proof, leafCount }, [proof.buffer as ArrayBuffer])
  } catch (err) {
    reply({ type: 'failed', error: err instanceof Error ? err.message : String(err) })
  }
}
reply({ type: 'ready' })
