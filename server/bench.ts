/**
 * `npm run bench`: every benchmark prints its figure as a ratio against a baseline measured in
 * the same run on the same core, so machine noise cancels out. Each module in `server/bench/`
 * exports `name` and `async run(): Promise<void>` and is listed here.
 */
import { readFileSync } from 'node:fs'
import { useCurveKernel } from '../src/core/crypto/curveKernel.ts'
import { instantiateCurveKernel } from '../src/curve-wasm/instantiateCurveKernel.ts'

type Bench = { name: string; run(): Promise<void> }

// Benches run on the curve.wasm kernel, as the CLI does; `curve` switches it off and on itself.
useCurveKernel(instantiateCurveKernel(readFileSync(new URL('../src/curve-wasm/curve.wasm', import.meta.url))))

const benches: Array<() => Promise<Bench>> = [
  () => import('./bench/labels.ts'),
  () => import('./bench/poet.ts'),
  () => import('./bench/prove.ts'),
  () => import('./bench/sim.ts'),
  () => import('./bench/curve.ts'),
  () => import('./bench/browser.ts'),
]

const only = process.argv[2]
for (const load of benches) {
  const bench = await load()
  if (only !== undefined && !bench.name.includes(only)) continue
  console.log(`\n== ${bench.name}`)
  await bench.run()
}
