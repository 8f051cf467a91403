/**
 * worker_threads entry for a round's sequential work (contract in RoundWork.ts): `start` with
 * the statement (and the tree directory and checkpoint to resume from), then `finish` when the
 * service's clock passes the round end; posts each checkpoint once its tree files are fsynced
 * and answers `done` with the SCALE proof. One round per worker; `stop` ends the round's work
 * for now: a last checkpoint is posted, the files closed, `stopped` answered and the worker exits.
 */
import { parentPort } from 'node:worker_threads'
import { proveRound } from './proveRound.ts'
import type { PoetWorkerReply, PoetWorkerRequest } from './RoundWork.ts'

const port = parentPort!
let finishing = false
const stopping = new AbortController()
let started = false
const reply = (m: PoetWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)

port.on('message', (m: PoetWorkerRequest) => {
  if (m.type === 'finish') finishing = true
  else if (m.type === 'stop') {
    stopping.abort(new Error('service stopped'))
    if (!started) port.close()
  } else {
    started = true
    void run(m)
  }
})

async function run(m: Extract<PoetWorkerRequest, { type: 'start' }>): Promise<void> {
  try {
    const result = await proveRound({
      statement: m.statement,
      isPastEnd: () => finishing,
      signal: stopping.signal,
      treeDir: m.treeDir,
      checkpoint: m.checkpoint,
      checkpointEveryMs: m.checkpointEveryMs,
      onCheckpoint: (checkpoint, leafCount) => reply({ type: 'checkpoint', checkpoint, leafCount }),
    })
    reply({ type: 'done', result }, [result.proof.buffer as ArrayBuffer])
  } catch (err) {
    if (err === stopping.signal.reason) reply({ type: 'stopped' })
    else reply({ type: 'failed', error: err instanceof Error ? err.message : String(err) })
  } finally {
    port.close() // nothing more to do: the worker exits
  }
}
reply({ type: 'ready' })
