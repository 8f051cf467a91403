import type { BenchResult, BenchTask } from './runBenchTask.ts'

/**
 * Set by the host (Playwright `exposeFunction`): called with each worker's timed-window edges,
 * resolves once the host has read the worker threads' CPU time.
 */
type EdgeHook = (worker: number, edge: 'start' | 'end') => Promise<void>

type Reply = { result?: BenchResult; error?: string; edge?: 'start' | 'end' }

/** Runs `task` on `count` dedicated workers at once (one WASM instance each); one result each. */
export function runBenchInWorkers(task: BenchTask, count: number): Promise<BenchResult[]> {
  const hook = (globalThis as { benchEdge?: EdgeHook }).benchEdge
  const one = (i: number) =>
    new Promise<BenchResult>((resolve, reject) => {
      const worker = new Worker(new URL('./benchTask.worker.ts', import.meta.url), { type: 'module' })
      // The worker thread must outlive the host's last CPU reading: finish only after it.
      let edges: Promise<void> = Promise.resolve()
      worker.onmessage = (e: MessageEvent<Reply>) => {
        const { edge } = e.data
        if (edge !== undefined) {
          if (hook !== undefined) edges = edges.then(() => hook(i, edge))
          return
        }
        void edges.then(() => {
          worker.terminate()
          if (e.data.result !== undefined) resolve(e.data.result)
          else reject(new Error(e.data.error ?? 'bench worker failed'))
        })
      }
      worker.onerror = (e) => reject(new Error(`bench worker: ${e.message}`))
      worker.postMessage(task)
    })
  return Promise.all(Array.from({ length: count }, (_, i) => one(i)))
}
