/**
 * PoST proving and verification. The proving scan is AES-128-ECB over every label once per nonce
 * group, so its figure is MB/s of labels: the WASM kernel (`post.wasm` scan, software AES) against
 * Node's native OpenSSL `aes-128-ecb` (AES-NI) on the same bytes, same core, same run. Then the
 * time `verifyPost` takes for a standalone-preset proof (K3 labels re-derived in TS), against
 * deriving the same labels with the WASM labeler.
 */
import { createCipheriv, createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { standalone } from '../../src/core/params/presets.ts'
import { computeCommitment } from '../../src/core/post/computeCommitment.ts'
import { createTsScanKernel } from '../../src/core/post/createTsScanKernel.ts'
import { provePost } from '../../src/core/post/provePost.ts'
import { solveK2Pow } from '../../src/core/post/solveK2Pow.ts'
import { verifyPost } from '../../src/core/post/verifyPost.ts'
import { loadPostWasm } from '../../src/post-wasm/loadPostWasm.ts'

export const name = 'prove'

/** Runs `f` over `bytes` repeatedly for about `ms`; returns MB/s. */
function throughput(bytes: number, ms: number, f: () => void): number {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    f()
    n++
  }
  return (n * bytes) / 1e6 / ((performance.now() - start) / 1000)
}

export async function run(): Promise<void> {
  const wasm = await loadPostWasm()
  const data = new Uint8Array(4 << 20)
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24
  const key = new Uint8Array(16).fill(0x2b)
  // msb 0: the k1 threshold of every preset we run (K1 ≪ numLabels / 256) leaves only ties.
  const native = () => {
    const c = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false)
    c.update(data)
    c.final()
  }
  native()
  wasm.scan(key, data, 0)
  const nativeMBs = throughput(data.length, 2000, native)
  const wasmMBs = throughput(data.length, 2000, () => wasm.scan(key, data, 0))
  const small = data.subarray(0, 64 << 10)
  const tsMBs = throughput(small.length, 1000, () => createTsScanKernel().scan(key, small, 0))
  console.log(`native aes-128-ecb (OpenSSL):  ${nativeMBs.toFixed(1)} MB/s`)
  console.log(`post.wasm scan:                ${wasmMBs.toFixed(1)} MB/s`)
  console.log(`TS reference scan:             ${tsMBs.toFixed(2)} MB/s`)
  console.log(
    `ratio wasm / native: ${(wasmMBs / nativeMBs).toFixed(3)}×; wasm / TS: ${(wasmMBs / tsMBs).toFixed(0)}×`,
  )

  // A standalone allocation of one unit, proven with the WASM kernel, verified in TS.
  const params = standalone.post
  const nodeId = new Uint8Array(32).fill(0x4d)
  const commitmentAtxId = new Uint8Array(32).fill(1)
  const challenge = new Uint8Array(32).fill(0x11)
  const commitment = computeCommitment(nodeId, commitmentAtxId)
  const labels = wasm.labels(commitment, params.scryptN, 0n, params.labelsPerUnit).labels
  let t = performance.now()
  const proof = provePost({
    challenge,
    nodeId,
    numUnits: 1,
    params,
    kernel: wasm,
    readLabels: (s, c) => labels.subarray(16 * s, 16 * (s + c)),
  })
  const proveMs = performance.now() - t
  const meta = { nodeId, commitmentAtxId, challenge, numUnits: 1 }
  const runs = 5
  const timeVerify = (options: Parameters<typeof verifyPost>[3]) => {
    const t0 = performance.now()
    for (let i = 0; i < runs; i++) verifyPost(proof, meta, params, options)
    return (performance.now() - t0) / runs
  }
  const verifyTsMs = timeVerify({})
  const verifyWasmMs = timeVerify({ computeLabel: (c, i, n) => wasm.labels(c, n, BigInt(i), 1).labels })
  t = performance.now()
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < params.k3; k++) wasm.labels(commitment, params.scryptN, BigInt(k), 1)
  }
  const wasmLabelsMs = (performance.now() - t) / runs
  console.log(
    `standalone proof (${params.labelsPerUnit} labels, N=${params.scryptN}, K1/K2/K3 ${params.k1}/${params.k2}/${params.k3}): prove ${proveMs.toFixed(1)} ms (incl. k2pow)`,
  )
  console.log(
    `verifyPost: ${verifyTsMs.toFixed(1)} ms with TS labels, ${verifyWasmMs.toFixed(2)} ms with WASM labels; ${params.k3} WASM labels alone ${wasmLabelsMs.toFixed(2)} ms (ratio ${(verifyWasmMs / wasmLabelsMs).toFixed(2)}×)`,
  )

  // k2pow: BLAKE3 (noble, pure JS) tries/s against Node's native SHA-256 of the same 48 bytes.
  const input48 = new Uint8Array(48).fill(3)
  const shaPerSec = (throughput(48, 1000, () => createHash('sha256').update(input48).digest()) * 1e6) / 48
  const never = new Uint8Array(32) // difficulty 0: no pow qualifies, so every try is counted
  const powInput = { nonceGroup: 0, challenge, nodeId }
  const powPerSec = (throughput(48 * 10_000, 1000, () => solveK2Pow(powInput, never, 0n, 10_000)) * 1e6) / 48
  console.log(
    `k2pow blake3 tries: ${Math.round(powPerSec).toLocaleString('en-US')}/s; native sha256: ${Math.round(shaPerSec).toLocaleString('en-US')}/s; ratio ${(powPerSec / shaPerSec).toFixed(2)}×`,
  )
}
