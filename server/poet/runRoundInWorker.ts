/**
 * Runs a round's sequential work on a worker thread (`poetWorker.ts`). The service's clock is
 * polled here and the worker told when the round is over, so an injected clock still rules;
 * the worker's checkpoints are handed to `work.onCheckpoint` as they arrive.
 */
import { Worker } from 'node:worker_threads'
import type { PoetWorkerReply, PoetWorkerRequest, RoundWork, RoundWorkResult } from './RoundWork.ts'

// The server runs under tsx; the worker registers tsx's loader before importing a .ts entry
// (the same bootstrap as server/post/startLabelWorkers.ts).
const bootstrap = (url: string) =>
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}) })`

export function runRoundInWorker(work: RoundWork): Promise<RoundWorkResult> {
  const worker = new Worker(bootstrap(new URL('./poetWorker.ts', import.meta.url).href), { eval: true })
  const send = (m: PoetWorkerRequest) => worker.postMessage(m)
  let poll: NodeJS.Timeout | undefined
  let onAbort = () => {}
  let settled = false
  let exited = false
  worker.once('exit', () => {
    exited = true
  })
  return new Promise<RoundWorkResult>((resolve, reject) => {
    onAbort = () => reject(work.signal.reason)
    work.signal.addEventListener('abort', onAbort, { once: true })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`PoET worker exited with code ${code}`)))
    worker.on('message', (m: PoetWorkerReply) => {
      if (settled) return
      if (m.type === 'ready') {
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
      else reject(new Error(`PoET worker failed: ${m.error}`))
    })
  }).finally(async () => {
    settled = true
    work.signal.removeEventListener('abort', onAbort)
    clearInterval(poll)
    if (exited) return
    // Let the worker close its tree files and exit (within a slice), so a service started again
    // in this process never shares them; terminate it if it does not in time.
    send({ type: 'stop' })
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => void worker.terminate(), 2000)
      worker.once('exit', () => {
        clearTimeout(kill)
        resolve()
      })
    })
  })
}
