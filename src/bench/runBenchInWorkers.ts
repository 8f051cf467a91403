import type { BenchResult, BenchTask } from './runBenchTask.ts'

/** Runs `task` on `count` dedicated workers at once (one WASM instance each); one result each. */
export function runBenchInWorkers(task: BenchTask, count: number): Promise<BenchResult[]> {
  const one = () =>
    new Promise<BenchResult>((resolve, reject) => {
      const worker = new Worker(new URL('./benchTask.worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (e: MessageEvent<{ result?: BenchResult; error?: string }>) => {
        worker.terminate()
        if (e.data.result !== undefined) resolve(e.data.result)
        else reject(new Error(e.data.error ?? 'bench worker failed'))
      }
      worker.onerror = (e) => reject(new Error(`bench worker: ${e.message}`))
      worker.postMessage(task)
    })
  return Promise.all(Array.from({ length: count }, one))
}
