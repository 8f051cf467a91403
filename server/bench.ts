/**
 * `npm run bench`: every benchmark prints its figure as a ratio against a baseline measured in
 * the same run on the same core, so machine noise cancels out. Each module in `server/bench/`
 * exports `name` and `async run(): Promise<void>` and is listed here.
 */
import { readFileSync } from 'node:fs'
import { useCurveKernel } from '../src/core/crypto/curveKernel.ts'
import { memoizeCurveKernel } from '../src/core/crypto/memoizeCurveKernel.ts'
import { instantiateCurveKernel } from '../src/curve-wasm/instantiateCurveKernel.ts'

type Bench = { name: string; run(): Promise<void> }

// Benches run on the curve.wasm kernel with its verification memo, as the CLI does; `curve`
// switches kernels itself.
useCurveKernel(
  memoizeCurveKernel(
    instantiateCurveKernel(readFileSync(new URL('../src/curve-wasm/curve.wasm', import.meta.url))),
  ),
)

// Keyed by each module's `name`, so `npm run bench curve` imports only the benches it runs.
const benches: Record<string, () => Promise<Bench>> = {
  labels: () => import('./bench/labels.ts'),
  poet: () => import('./bench/poet.ts'),
  prove: () => import('./bench/prove.ts'),
  sim: () => import('./bench/sim.ts'),
  curve: () => import('./bench/curve.ts'),
  browser: () => import('./bench/browser.ts'),
}

const only = process.argv[2]
for (const [name, load] of Object.entries(benches)) {
  if (only !== undefined && !name.includes(only)) continue
  const bench = await load()
  console.log(`\n== ${bench.name}`)
  await bench.run()
}
