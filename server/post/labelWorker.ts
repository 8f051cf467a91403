/**
 * worker_threads entry of the Node labeler: one `post.wasm` instance per thread, one label batch
 * per message. The contract is `LabelJob` in, `LabelResult` out (see `startLabelWorkers.ts`).
 */
import { parentPort } from 'node:worker_threads'
import { loadPostWasm } from '../../src/post-wasm/loadPostWasm.ts'
import type { LabelJob, LabelResult } from './startLabelWorkers.ts'

const wasm = await loadPostWasm()
const port = parentPort!

port.on('message', (job: LabelJob) => {
  try {
    const { labels, minLabel, minIndex } = wasm.labels(job.commitment, job.n, BigInt(job.start), job.count)
    const result: LabelResult = { id: job.id, labels, minLabel, minIndex: Number(minIndex) }
    port.postMessage(result, [labels.buffer as ArrayBuffer])
  } catch (err) {
    port.postMessage({ id: job.id, error: (err as Error).message } satisfies LabelResult)
  }
})
port.postMessage({ ready: true })
