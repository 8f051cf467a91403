import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'

/** Labels made in `ms` milliseconds on the calling thread. */
export type LabelCount = { labels: number; ms: number }

/**
 * Runs the `post.wasm` labeler on this thread for about `seconds`, after 0.3 s of warm-up (memory
 * growth, and the engine's tier-up from its baseline WASM compiler to the optimizing one).
 * Batches take 10–20 ms at any N, as in `post bench`. The same code runs in a browser Worker and
 * in a Node worker_thread, so the two figures compare the engines only.
 */
export async function measureWasmLabels(n: number, seconds: number): Promise<LabelCount> {
  const wasm = await loadPostWasm()
  const commitment = new Uint8Array(32).fill(0x4d)
  const batch = Math.max(4, Math.min(4096, Math.round((8 * 8192) / n)))
  const warmUp = performance.now()
  while (performance.now() - warmUp < 300) wasm.labels(commitment, n, 0n, batch)
  let labels = 0
  let ms = 0
  const start = performance.now()
  while (ms < seconds * 1000) {
    wasm.labels(commitment, n, BigInt(labels), batch)
    labels += batch
    ms = performance.now() - start
  }
  return { labels, ms }
}
