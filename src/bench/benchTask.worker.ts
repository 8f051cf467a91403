/// <reference lib="webworker" />
import { type BenchTask, runBenchTask } from './runBenchTask.ts'

/** Runs one bench task on a dedicated worker; replies `{ result }` or `{ error }`. */
self.onmessage = (e: MessageEvent<BenchTask>) => {
  runBenchTask(e.data).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  )
}
