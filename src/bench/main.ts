/**
 * bench.html: exposes `window.runBench` for server/bench/browser.ts to drive through Playwright.
 * Does nothing on load; every measurement starts from a `page.evaluate`.
 */
import { runBenchInWorkers } from './runBenchInWorkers.ts'
import { runBenchTask } from './runBenchTask.ts'

const runBench = { onPage: runBenchTask, inWorkers: runBenchInWorkers }

export type BenchWindow = { runBench: typeof runBench }

;(window as unknown as BenchWindow).runBench = runBench
