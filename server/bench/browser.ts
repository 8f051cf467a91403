/**
 * Browser-side targets, measured in Debian's Chromium (Playwright) against the same code on a
 * fresh Node worker_thread in the same run: PoET verification of a standalone round (< 50 ms),
 * PoST verification of a standalone proof (< 100 ms), and `post.wasm` labels/s per worker
 * (browser within 10% of Node) and its scaling to 2 workers. Inputs are made here in Node; the
 * page (bench.html, src/bench/) only exposes `window.runBench`. The app is built with Vite into a
 * temporary directory (not dist/, which the e2e tests serve) and served with COOP/COEP.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { bytesToHex } from '@noble/hashes/utils.js'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { chromiumLaunchOptions } from '../../playwright/chromiumLaunchOptions.ts'
import type { BenchWindow } from '../../src/bench/main.ts'
import type { LabelCount } from '../../src/bench/measureWasmLabels.ts'
import type { BenchResult, BenchTask } from '../../src/bench/runBenchTask.ts'
import type { TimedCalls } from '../../src/bench/timeCalls.ts'
import { standalone } from '../../src/core/params/presets.ts'
import { encodePoetProof, PoetProver } from '../../src/core/poet/index.ts'
import { computeCommitment, encodePostProof, provePost } from '../../src/core/post/index.ts'
import { loadPostWasm } from '../../src/post-wasm/loadPostWasm.ts'
import { serveStatic } from '../api/serveStatic.ts'

export const name = 'browser'

/** A standalone round is 60 s − 10 s cycle gap of sequential work; the service made ~57k leaves. */
const POET_LEAVES = 57_344
const LABEL_N = 8192
/** Label throughput: 3 rounds of 1 s, alternating Node and Chromium so both see the same load. */
const LABEL_ROUNDS = 3
const RUNS = 30

/** Runs `task` on `count` fresh worker_threads at once; tsx is registered before the import. */
function runInThreads(task: BenchTask, count: number): Promise<BenchResult[]> {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const mod = JSON.stringify(new URL('../../src/bench/runBenchTask.ts', import.meta.url).href)
  const script = `import('node:worker_threads').then(async ({ parentPort, workerData }) => {
    try {
      (await import(${tsx})).register()
      parentPort.postMessage({ result: await (await import(${mod})).runBenchTask(workerData) })
    } catch (e) { parentPort.postMessage({ error: String(e) }) }
  })`
  const one = () =>
    new Promise<BenchResult>((resolve, reject) => {
      const worker = new Worker(script, { eval: true, workerData: task })
      worker.once('message', (m: { result?: BenchResult; error?: string }) => {
        void worker.terminate()
        if (m.result !== undefined) resolve(m.result)
        else reject(new Error(m.error ?? 'bench thread failed'))
      })
      worker.once('error', reject)
    })
  return Promise.all(Array.from({ length: count }, one))
}

async function makeInputs(): Promise<{ poet: BenchTask; post: (labeler: 'wasm' | 'ts') => BenchTask }> {
  let t = performance.now()
  const prover = new PoetProver(new Uint8Array(32).fill(5))
  prover.step(POET_LEAVES)
  const poetProof = prover.prove()
  console.log(`PoET proof: ${POET_LEAVES} leaves built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const poet: BenchTask = {
    kind: 'poetVerify',
    proofHex: bytesToHex(encodePoetProof(poetProof)),
    statementHex: bytesToHex(prover.statement),
    runs: RUNS,
  }
  // One standalone unit: labels in memory from the WASM labeler, proven with its scan kernel.
  const wasm = await loadPostWasm()
  const params = standalone.post
  const nodeId = new Uint8Array(32).fill(0x4d)
  const commitmentAtxId = new Uint8Array(32).fill(1)
  const challenge = new Uint8Array(32).fill(0x11)
  t = performance.now()
  const labels = wasm.labels(
    computeCommitment(nodeId, commitmentAtxId),
    params.scryptN,
    0n,
    params.labelsPerUnit,
  )
  const postProof = provePost({
    challenge,
    nodeId,
    numUnits: 1,
    params,
    kernel: wasm,
    readLabels: (s, c) => labels.labels.subarray(16 * s, 16 * (s + c)),
  })
  console.log(
    `PoST proof: 1 unit × ${params.labelsPerUnit} labels, N=${params.scryptN}, K2/K3 ${params.k2}/${params.k3}, made in ${(performance.now() - t).toFixed(0)} ms`,
  )
  const post = (labeler: 'wasm' | 'ts'): BenchTask => ({
    kind: 'postVerify',
    proofHex: bytesToHex(encodePostProof(postProof)),
    nodeIdHex: bytesToHex(nodeId),
    commitmentAtxIdHex: bytesToHex(commitmentAtxId),
    challengeHex: bytesToHex(challenge),
    numUnits: 1,
    labeler,
    runs: RUNS,
  })
  return { poet, post }
}

const timed = (r: BenchResult[]) => r[0] as TimedCalls
const labelsPerSecond = (r: BenchResult[]) =>
  (r as LabelCount[]).reduce((s, x) => s + (1000 * x.labels) / x.ms, 0)

export async function run(): Promise<void> {
  console.log(
    `load average at start ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
  const inputs = await makeInputs()
  const outDir = await mkdtemp(join(tmpdir(), 'spacemesh-bench-'))
  const root = fileURLToPath(new URL('../..', import.meta.url))
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } })
  const server = await serveStatic({ dir: outDir, port: 0 })
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    // A fresh page per task, like the fresh worker_thread on the Node side: cold JIT on both.
    const inBrowser = async (task: BenchTask, workers?: number): Promise<BenchResult[]> => {
      const page = await browser.newPage()
      try {
        await page.goto(`${base}/bench.html`)
        await page.waitForFunction(() => 'runBench' in window)
        if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('bench.html is not isolated')
        return await page.evaluate(
          ([t, w]) => {
            const bench = (window as unknown as BenchWindow).runBench
            return w === 0 ? bench.onPage(t).then((r) => [r]) : bench.inWorkers(t, w)
          },
          [task, workers ?? 0] as const,
        )
      } finally {
        await page.close()
      }
    }
    const rows: string[][] = []
    const row = (measure: string, b: number, n: number, target: string, unit = 'ms', digits = 1) =>
      rows.push([
        measure,
        `${b.toFixed(digits)} ${unit}`,
        `${n.toFixed(digits)} ${unit}`,
        (b / n).toFixed(2),
        target,
      ])
    const met = (x: number, limit: number) => `< ${limit} ms: ${x < limit ? 'met' : 'NOT met'}`

    const poetN = timed(await runInThreads(inputs.poet, 1))
    const poetB = timed(await inBrowser(inputs.poet))
    row(
      `verifyPoetProof ${POET_LEAVES} leaves, median`,
      poetB.medianMs,
      poetN.medianMs,
      met(poetB.medianMs, 50),
    )
    row('verifyPoetProof, first call', poetB.firstMs, poetN.firstMs, met(poetB.firstMs, 50))
    for (const labeler of ['wasm', 'ts'] as const) {
      const postN = timed(await runInThreads(inputs.post(labeler), 1))
      const postB = timed(await inBrowser(inputs.post(labeler)))
      row(
        `verifyPost standalone, ${labeler} labels, median`,
        postB.medianMs,
        postN.medianMs,
        met(postB.medianMs, 100),
      )
      row(
        `verifyPost standalone, ${labeler} labels, first`,
        postB.firstMs,
        postN.firstMs,
        met(postB.firstMs, 100),
      )
    }
    const labels: BenchTask = { kind: 'wasmLabels', n: LABEL_N, seconds: 1 }
    const rate: Record<number, { b: number; n: number }> = {}
    for (const w of [1, 2]) {
      let n = 0
      let b = 0
      for (let i = 0; i < LABEL_ROUNDS; i++) {
        n += labelsPerSecond(await runInThreads(labels, w)) / LABEL_ROUNDS
        b += labelsPerSecond(await inBrowser(labels, w)) / LABEL_ROUNDS
      }
      rate[w] = { b, n }
      row(`post.wasm labels/s N=${LABEL_N}, ${w} worker(s)`, b, n, w === 1 ? 'ratio 0.9–1.1' : '', '/s')
    }
    const one = rate[1]!
    const two = rate[2]!
    rows.push([
      'scaling 2 workers / 1',
      `${(two.b / one.b).toFixed(2)}×`,
      `${(two.n / one.n).toFixed(2)}×`,
      '',
      '≈ 2× on 2 idle cores',
    ])

    const head = ['measure', 'chromium', 'node', 'ratio b/n', 'target (browser)']
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
    const load = loadavg().map((x) => x.toFixed(2))
    console.log(
      `${browser.version()} vs Node ${process.versions.node}; ${cpus().length} cores; load average ${load.join(' ')}`,
    )
  } finally {
    await browser.close()
    server.close()
    await rm(outDir, { recursive: true, force: true })
  }
}
