import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'

/**
 * Labels made in `ms` wall-clock milliseconds on the calling thread; `cpuMs` is the CPU time that
 * thread got meanwhile, when the host could read it (Linux /proc, see server/bench/browser.ts).
 */
export type LabelCount = { labels: number; ms: number; cpuMs?: number }

/** Called on the measuring thread right before and right after the timed window. */
export type WindowEdge = (edge: 'start' | 'end') => void

/**
 * Runs the `post.wasm` labeler on this thread for about `seconds`, after 0.3 s of warm-up (memory
 * growth, and the engine's tier-up from its baseline WASM compiler to the optimizing one).
 * Batches take 10–20 ms at any N, as in `post bench`. The same code runs in a browser Worker and
 * in a Node worker_thread, so the two figures compare the engines only — per CPU second; the
 * wall-clock rate also depends on the share of a core the OS scheduler gives the thread.
 */
export async function measureWasmLabels(n: number, seconds: number, edge?: WindowEdge): Promise<LabelCount> {
  const wasm = await loadPostWasm()
  const commitment = new Uint8Array(32).fill(0x4d)
  const batch = Math.max(4, Math.min(4096, Math.round((8 * 8192) / n)))
  const warmUp = performance.now()
  while (performance.now() - warmUp < 300) wasm.labels(commitment, n, 0n, batch)
  let labels = 0
  let ms = 0
  edge?.('start')
  const start = performance.now()
  while (ms < seconds * 1000) {
    wasm.labels(commitment, n, BigInt(labels), batch)
    labels += batch
    ms = performance.now() - start
  }
  edge?.('end')
  return { labels, ms }
}
