import { readFileSync } from 'node:fs'
import { type CurveKernel, useCurveKernel } from '../../src/core/crypto/curveKernel.ts'
import { publicKeyFromSeed, signMessage, verifySignature } from '../../src/core/crypto/signing.ts'
import { vrfProve, vrfVerify } from '../../src/core/crypto/vrf.ts'
import { instantiateCurveKernel } from '../../src/curve-wasm/instantiateCurveKernel.ts'

export const name = 'curve'

type Op = { op: string; run(i: number): unknown }

const GENESIS = new Uint8Array(20).fill(1)
const KEYS = 16

type Cost = { wall: number; cpu: number }

/**
 * Mean wall-clock and process CPU microseconds per call of `op` over about `ms` milliseconds,
 * after a warm-up. CPU time leaves out the time other jobs on this shared machine held the core
 * (it does include V8's GC threads, which noble's BigInts keep busy).
 */
function measure(op: Op, ms: number): Cost {
  for (let i = 0; i < 20; i++) op.run(i)
  let calls = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let j = 0; j < 10; j++) op.run(calls++)
    now = performance.now()
  }
  const used = process.cpuUsage(cpu)
  return { wall: ((now - start) * 1000) / calls, cpu: (used.user + used.system) / calls }
}

/**
 * ed25519 sign/verify and ECVRF prove/verify (src/core/crypto) with the @noble/curves reference
 * path against the curve.wasm kernel, in alternating slices on the same core so load on the
 * machine hits both sides alike; the ratio is the median of the per-round ratios. Sign and
 * vrfProve reuse each seed's expanded key on the kernel path (kernelEd25519.ts `seedKey`), as a
 * node signing with its one identity does. Target: every ratio ≥ 10.
 */
export async function run(): Promise<void> {
  const kernel: CurveKernel = instantiateCurveKernel(
    readFileSync(new URL('../../src/curve-wasm/curve.wasm', import.meta.url)),
  )
  const previousAtSetup = useCurveKernel(undefined) // keys and proofs made on the reference path
  const seeds = Array.from({ length: KEYS }, (_, i) => new Uint8Array(32).fill(i + 1))
  const keys = seeds.map((seed) => publicKeyFromSeed(seed))
  const messages = seeds.map((_, i) => new Uint8Array(48).fill(i * 3))
  const signatures = seeds.map((seed, i) => signMessage(seed, GENESIS, 2, messages[i]!))
  const proofs = seeds.map((seed, i) => vrfProve(seed, messages[i]!))
  useCurveKernel(previousAtSetup)
  const at = (i: number) => i % KEYS
  const ops: Op[] = [
    { op: 'sign', run: (i) => signMessage(seeds[at(i)]!, GENESIS, 2, messages[at(i)]!) },
    // A fresh seed array per call: the kernel path cannot reuse the expanded key.
    { op: 'sign*', run: (i) => signMessage(seeds[at(i)]!.slice(), GENESIS, 2, messages[at(i)]!) },
    {
      op: 'verify',
      run: (i) => verifySignature(keys[at(i)]!, GENESIS, 2, messages[at(i)]!, signatures[at(i)]!),
    },
    { op: 'vrfProve', run: (i) => vrfProve(seeds[at(i)]!, messages[at(i)]!) },
    { op: 'vrfVerify', run: (i) => vrfVerify(keys[at(i)]!, messages[at(i)]!, proofs[at(i)]!) },
  ]
  const sliceMs = Number(process.env.CURVE_BENCH_MS ?? 250)
  const rounds = 5
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
  console.log(
    `${rounds} rounds of ${sliceMs} ms per side, medians; ratio = noble / kernel (range over rounds)`,
  )
  console.log('op         noble µs  kernel µs  wall ratio (range)    cpu ratio (range)')
  const previous = useCurveKernel(undefined)
  try {
    for (const op of ops) {
      const noble: Cost[] = []
      const wasm: Cost[] = []
      for (let r = 0; r < rounds; r++) {
        // Alternate which side goes first, so a burst of load elsewhere does not favour one.
        for (const side of r % 2 === 0 ? [undefined, kernel] : [kernel, undefined]) {
          useCurveKernel(side)
          ;(side === undefined ? noble : wasm).push(measure(op, sliceMs))
        }
      }
      const ratios = (k: keyof Cost) => noble.map((n, r) => n[k] / wasm[r]![k])
      const show = (xs: number[]) =>
        `${median(xs).toFixed(1).padStart(5)}× (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`.padEnd(
          21,
        )
      console.log(
        `${op.op.padEnd(10)} ${median(noble.map((c) => c.wall))
          .toFixed(1)
          .padStart(8)}  ${median(wasm.map((c) => c.wall))
          .toFixed(1)
          .padStart(9)}  ${show(ratios('wall'))} ${show(ratios('cpu'))}`,
      )
    }
    console.log(
      'sign* signs with a fresh copy of the seed each call (no expanded-key reuse on the kernel path)',
    )
  } finally {
    useCurveKernel(previous)
  }
}
