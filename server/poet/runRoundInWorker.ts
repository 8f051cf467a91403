/**
 * Runs a round's sequential work on a worker thread (`poetWorker.ts`). The service's clock is
 * polled here and the worker told when the round is over, so an injected clock still rules;
 * the worker's checkpoints are handed to `work.onCheckpoint` as they arrive.
 *
 * When `work.signal` aborts (the service stops) the worker is sent `stop` and the promise waits
 * for its last checkpoint and its `stopped` before rejecting with the signal's reason, so the
 * service's database is still open when that checkpoint is saved. A worker that does not exit
 * within STOP_GRACE_MS of `stop` is terminated (its last periodic checkpoint then stands).
 */
import { Worker } from 'node:worker_threads'
import type { PoetWorkerReply, PoetWorkerRequest, RoundWork, RoundWorkResult } from './RoundWork.ts'

// The server runs under tsx; the worker registers tsx's loader before importing a .ts entry
// (the same bootstrap as server/post/startLabelWorkers.ts).
const bootstrap = (url: string) =>
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}) })`

/** Time a stopping worker gets to finish its slice, fsync its files and exit. */
const STOP_GRACE_MS = 10_000

export function runRoundInWorker(work: RoundWork): Promise<RoundWorkResult> {
  if (work.signal.aborted) return Promise.reject(work.signal.reason)
  const worker = new Worker(bootstrap(new URL('./poetWorker.ts', import.meta.url).href), { eval: true })
  const send = (m: PoetWorkerRequest) => worker.postMessage(m)
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
  let poll: NodeJS.Timeout | undefined
  let kill: NodeJS.Timeout | undefined
  let stopping = false
  let settled = false
  let isExited = false
  void exited.then(() => {
    isExited = true
  })
  const stop = () => {
    if (stopping || isExited) return
    stopping = true
    clearInterval(poll)
    send({ type: 'stop' })
    kill = setTimeout(() => void worker.terminate(), STOP_GRACE_MS)
  }
  return new Promise<RoundWorkResult>((resolve, reject) => {
    work.signal.addEventListener('abort', stop, { once: true })
    worker.on('error', reject)
    void exited.then((code) =>
      reject(stopping ? work.signal.reason : new Error(`PoET worker exited with code ${code}`)),
    )
    worker.on('message', (m: PoetWorkerReply) => {
      if (settled) return
      if (m.type === 'ready') {
        if (stopping) return // the worker already has `stop` and exits without starting
        send({
          type: 'start',
          statement: work.statement,
          treeDir: work.treeDir,
          checkpoint: work.checkpoint,
          checkpointEveryMs: work.checkpointEveryMs,
        })
        poll = setInterval(() => {
          if (work.now() >= work.endMs) {
            clearInterval(poll)
            send({ type: 'finish' })
          }
        }, 20)
      } else if (m.type === 'checkpoint') {
        try {
          work.onCheckpoint?.(m.checkpoint, m.leafCount)
        } catch (err) {
          reject(err) // e.g. the database refused it: fail the round rather than the process
        }
      } else if (m.type === 'done') resolve(m.result)
      else if (m.type === 'stopped') reject(work.signal.reason)
      else reject(new Error(`PoET worker failed: ${m.error}`))
    })
  }).finally(async () => {
    settled = true
    work.signal.removeEventListener('abort', stop)
    clearInterval(poll)
    // Let the worker close its tree files and exit, so a service started again in this process
    // never shares them.
    stop()
    await exited
    clearTimeout(kill)
  })
}
