import { randomBytes, scryptSync } from 'node:crypto'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { loadPostWasm } from '../../../src/post-wasm/loadPostWasm.ts'
import { CliError } from '../../cliError.ts'
import { parseCliArgs, parseIntOption, requireOption } from '../../parseCliArgs.ts'

export const usage = 'post bench --n N [--threads T] [--seconds S]'

/** Time and label counts of one thread, for the WASM labeler and for OpenSSL's scrypt. */
export type LabelRates = { wasmLabels: number; wasmMs: number; opensslLabels: number; opensslMs: number }

/**
 * Measures on the calling thread, alternating short slices of the WASM labeler and of Node's
 * native `crypto.scryptSync` (OpenSSL scrypt, same N, r = 1, p = 1, 16-byte output) until each
 * has run about `seconds`. Alternating keeps both exposed to the same load from other processes,
 * so the ratio stays meaningful on a shared machine. OpenSSL's scrypt is the RFC 7914 variant
 * (Salsa20/8, SHA-256), which costs the same per label; it is a speed baseline, not a label.
 */
export async function measureLabelRates(n: number, seconds: number): Promise<LabelRates> {
  const wasm = await loadPostWasm()
  const commitment = new Uint8Array(randomBytes(32))
  // About 10–20 ms per slice at any N: the fixed PBKDF2 cost dominates below N ≈ 64.
  const batch = Math.max(4, Math.min(4096, Math.round((8 * 8192) / n)))
  const password = new Uint8Array(72)
  password.set(commitment)
  const view = new DataView(password.buffer)
  const maxmem = 256 * n + (32 << 20)
  const rates: LabelRates = { wasmLabels: 0, wasmMs: 0, opensslLabels: 0, opensslMs: 0 }
  // Warm up both paths (JIT, memory growth) before timing.
  wasm.labels(commitment, n, 0n, Math.min(batch, 8))
  scryptSync(password, new Uint8Array(0), 16, { N: n, r: 1, p: 1, maxmem })
  let index = 0n
  while (rates.wasmMs < seconds * 1000 || rates.opensslMs < seconds * 1000) {
    let t = performance.now()
    wasm.labels(commitment, n, index, batch)
    rates.wasmMs += performance.now() - t
    rates.wasmLabels += batch
    t = performance.now()
    for (let i = 0; i < batch; i++) {
      view.setBigUint64(32, index + BigInt(i), true)
      scryptSync(password, new Uint8Array(0), 16, { N: n, r: 1, p: 1, maxmem })
    }
    rates.opensslMs += performance.now() - t
    rates.opensslLabels += batch
    index += BigInt(batch)
  }
  return rates
}

/** Runs `measureLabelRates` on `threads` worker threads at once (one WASM instance each). */
export async function measureLabelRatesThreaded(
  n: number,
  seconds: number,
  threads: number,
): Promise<LabelRates[]> {
  const runs = Array.from({ length: threads }, () => {
    // Worker threads do not inherit tsx's loader: register it first, then load this module.
    const script = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}) })`
    const worker = new Worker(script, { eval: true, workerData: { postBench: { n, seconds } } })
    return new Promise<LabelRates>((resolve, reject) => {
      worker.once('message', (m: LabelRates) => resolve(m))
      worker.once('error', reject)
      worker.once('exit', (code) => code !== 0 && reject(new Error(`bench worker exited with code ${code}`)))
    })
  })
  return Promise.all(runs)
}

/** Formats per-thread rates summed over threads, and the WASM / OpenSSL ratio. */
export function formatLabelRates(n: number, all: LabelRates[]): string {
  const wasm = all.reduce((s, r) => s + (1000 * r.wasmLabels) / r.wasmMs, 0)
  const openssl = all.reduce((s, r) => s + (1000 * r.opensslLabels) / r.opensslMs, 0)
  return [
    `N=${n} threads=${all.length}`,
    `wasm     ${wasm.toFixed(1)} labels/s`,
    `openssl  ${openssl.toFixed(1)} labels/s (crypto.scryptSync, native)`,
    `ratio    ${(wasm / openssl).toFixed(2)}x`,
  ].join('\n')
}

/** `post bench`: WASM labels/s against native OpenSSL scrypt, measured in the same run. */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    { n: { type: 'string' }, threads: { type: 'string' }, seconds: { type: 'string', default: '3' } },
    usage,
  )
  const n = parseIntOption(requireOption(values.n, 'n'), 'n')
  if (n < 2 || (n & (n - 1)) !== 0 || n > 2 ** 24) {
    throw new CliError(`--n: expected a power of two in 2..2^24, got ${n}`, 2)
  }
  const seconds = parseIntOption(values.seconds, 'seconds')
  if (seconds < 1) throw new CliError(`--seconds: expected at least 1, got ${seconds}`, 2)
  if (values.threads === undefined) {
    console.log(formatLabelRates(n, [await measureLabelRates(n, seconds)]))
    return
  }
  const threads = parseIntOption(values.threads, 'threads')
  if (threads < 1 || threads > 4 * cpus().length) {
    throw new CliError(`--threads: expected 1..${4 * cpus().length}, got ${threads}`, 2)
  }
  console.log(formatLabelRates(n, await measureLabelRatesThreaded(n, seconds, threads)))
}

// Worker entry: this module is also the script of the bench's worker threads.
const job = (workerData as { postBench?: { n: number; seconds: number } } | null)?.postBench
if (!isMainThread && job !== undefined && parentPort !== null) {
  const port = parentPort
  measureLabelRates(job.n, job.seconds).then((rates) => port.postMessage(rates))
}
