import { formatLabelRates, measureLabelRates } from '../post/commands/bench.ts'

export const name = 'labels'

/**
 * PoST labeling at mainnet N = 8192: the WASM labeler (post.wasm, SIMD128) against Node's native
 * OpenSSL scrypt on the same core, about 3 s each. Target: ratio ≥ 1.5 (aim 2).
 */
export async function run(): Promise<void> {
  console.log(formatLabelRates(8192, [await measureLabelRates(8192, 3)]))
}
