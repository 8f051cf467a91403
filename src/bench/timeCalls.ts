/** First-call and steady cost of a synchronous function. */
export type TimedCalls = { firstMs: number; medianMs: number; runs: number }

/**
 * Times `f` once cold (JIT warm-up included: what a page verifying one proof sees), then `runs`
 * times after `runs` warm-up calls; the median is robust against other processes' load spikes.
 */
export function timeCalls(f: () => void, runs: number): TimedCalls {
  const time = () => {
    const t0 = performance.now()
    f()
    return performance.now() - t0
  }
  const firstMs = time()
  for (let i = 0; i < runs; i++) time()
  const sorted = Array.from({ length: runs }, time).sort((a, b) => a - b)
  return { firstMs, medianMs: sorted[Math.floor(runs / 2)]!, runs }
}
