/**
 * `sample` distinct label indices below `total` (all of them, in order, when sample ≥ total),
 * drawn with a small seeded generator (mulberry32): a check can be repeated exactly.
 */
export function sampleIndices(total: number, sample: number, seed: number): number[] {
  if (sample >= total) return Array.from({ length: total }, (_, i) => i)
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const picked = new Set<number>()
  while (picked.size < sample) picked.add(Math.floor(next() * total))
  return [...picked].sort((a, b) => a - b)
}
