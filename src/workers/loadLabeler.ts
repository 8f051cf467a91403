import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'
import { createReferenceLabeler } from './createReferenceLabeler.ts'
import type { Labeler } from './Labeler.ts'

/**
 * The labeler kernel for this worker: helper W's WASM binding (its own instance and memory per
 * worker, DESIGN.md §8), or the TypeScript reference — same labels, slower — when asked for or
 * when WASM cannot load.
 */
export async function loadLabeler(kernel: 'wasm' | 'reference'): Promise<Labeler> {
  if (kernel === 'reference') return createReferenceLabeler()
  try {
    const wasm = await loadPostWasm()
    return { kind: 'wasm', labels: (c, n, first, count) => wasm.labels(c, n, first, count) }
  } catch (err) {
    console.warn('post.wasm failed to load, labeling with the TypeScript reference', err)
    return createReferenceLabeler()
  }
}
