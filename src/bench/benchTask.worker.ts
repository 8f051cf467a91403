/// <reference lib="webworker" />
import { type BenchTask, runBenchTask } from './runBenchTask.ts'

/**
 * Runs one bench task on a dedicated worker; replies `{ result }` or `{ error }`, and posts
 * `{ edge }` at the start and end of a timed window (a browser thread cannot read its own CPU
 * time; the page passes the edges on to the host, which can).
 */
self.onmessage = (e: MessageEvent<BenchTask>) => {
  runBenchTask(e.data, (edge) => self.postMessage({ edge })).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  )
}
