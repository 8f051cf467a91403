/**
 * A pool of labeler threads (`labelWorker.ts`), each with its own WASM instance. `label(job)`
 * resolves with that batch's labels and its smallest full label; jobs are spread over idle
 * workers in submission order.
 */
import { Worker } from 'node:worker_threads'

export interface LabelJob {
  readonly id: number
  readonly commitment: Uint8Array
  readonly n: number
  readonly start: number
  readonly count: number
}

export type LabelResult =
  | {
      readonly id: number
      readonly labels: Uint8Array
      readonly minLabel: Uint8Array
      readonly minIndex: number
    }
  | { readonly id: number; readonly error: string }

export interface LabelWorkers {
  label(job: Omit<LabelJob, 'id'>): Promise<{ labels: Uint8Array; minLabel: Uint8Array; minIndex: number }>
  close(): Promise<void>
}

// The server runs under tsx; a worker needs tsx's loader registered before it imports a .ts file.
const bootstrap = (url: string) =>
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}) })`

export async function startLabelWorkers(threads: number): Promise<LabelWorkers> {
  const url = new URL('./labelWorker.ts', import.meta.url).href
  const idle: Worker[] = []
  const queue: LabelJob[] = []
  const pending = new Map<number, { resolve: (r: LabelResult) => void; worker: Worker }>()
  let nextId = 0
  let failure: Error | undefined

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!
      const job = queue.shift()!
      pending.get(job.id)!.worker = worker
      worker.postMessage(job)
    }
  }

  const workers = await Promise.all(
    Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(bootstrap(url), { eval: true })
      return new Promise<Worker>((resolve, reject) => {
        worker.once('error', reject)
        worker.on('message', (msg: LabelResult | { ready: true }) => {
          if ('ready' in msg) return resolve(worker)
          const entry = pending.get(msg.id)
          pending.delete(msg.id)
          idle.push(worker)
          entry?.resolve(msg)
          pump()
        })
        worker.on('error', (err) => {
          failure = err
          for (const p of pending.values()) p.resolve({ id: -1, error: err.message })
        })
      })
    }),
  )
  idle.push(...workers)

  return {
    async label(job) {
      if (failure) throw failure
      const id = nextId++
      const result = await new Promise<LabelResult>((resolve) => {
        pending.set(id, { resolve, worker: workers[0]! })
        queue.push({ ...job, id })
        pump()
      })
      if ('error' in result) throw new Error(`label worker: ${result.error}`)
      return result
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
