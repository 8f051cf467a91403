/**
 * Proving end to end over a synchronous label reader (a file on Node, an OPFS sync access handle
 * in a browser worker, an array in tests): pass after pass of `provingNonces` nonces, each pass
 * solving one k2pow per nonce group and then scanning all labels (post-rs `generate_proof`).
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import { createProver, MAX_NONCES, NONCES_PER_GROUP } from './createProver.ts'
import type { PostProof } from './PostProof.ts'
import type { ScanKernel } from './ScanKernel.ts'
import { scalePowDifficulty } from './scalePowDifficulty.ts'
import { solveK2Pow } from './solveK2Pow.ts'

export interface ProvePostParameters {
  readonly challenge: Uint8Array
  readonly nodeId: Uint8Array
  readonly numUnits: number
  readonly params: {
    readonly labelsPerUnit: number
    readonly k1: number
    readonly k2: number
    readonly powDifficulty: string
    readonly provingNonces: number
  }
  /** Returns `count` labels (16 bytes each) starting at label `start`. */
  readLabels(start: number, count: number): Uint8Array
  /** Labels per read; 65,536 labels = 1 MiB as post-rs reads. */
  readonly batchLabels?: number
  readonly kernel?: ScanKernel
  /** Called after every batch and every solved pow, e.g. to report progress. */
  readonly onProgress?: (p: { nonceStart: number; labelsScanned: number }) => void
}

/** Pow nonces tried per `solveK2Pow` call before checking the bound again. */
const POW_STEP = 1 << 16

export function provePost(p: ProvePostParameters): PostProof {
  const { challenge, nodeId, numUnits, params } = p
  const numLabels = numUnits * params.labelsPerUnit
  const batch = p.batchLabels ?? 1 << 16
  const difficulty = scalePowDifficulty(hexToBytes(params.powDifficulty), numUnits)
  for (
    let nonceStart = 0;
    nonceStart + params.provingNonces <= MAX_NONCES;
    nonceStart += params.provingNonces
  ) {
    const pows: bigint[] = []
    for (let g = 0; g < params.provingNonces / NONCES_PER_GROUP; g++) {
      const input = { nonceGroup: nonceStart / NONCES_PER_GROUP + g, challenge, nodeId }
      let pow: bigint | undefined
      for (let start = 0n; pow === undefined; start += BigInt(POW_STEP)) {
        pow = solveK2Pow(input, difficulty, start, POW_STEP)
        if (pow === undefined && start >= 1n << 56n) throw new Error(`no k2pow below 2^56 for group ${g}`)
      }
      pows.push(pow)
      p.onProgress?.({ nonceStart, labelsScanned: 0 })
    }
    const prover = createProver({
      challenge,
      numLabels,
      k1: params.k1,
      k2: params.k2,
      nonceStart,
      nonceCount: params.provingNonces,
      pows,
      ...(p.kernel === undefined ? {} : { kernel: p.kernel }),
    })
    for (let start = 0; start < numLabels; start += batch) {
      const count = Math.min(batch, numLabels - start)
      const labels = p.readLabels(start, count)
      if (labels.length !== count * 16) {
        throw new RangeError(
          `readLabels(${start}, ${count}): expected ${count * 16} bytes, got ${labels.length}`,
        )
      }
      const proof = prover.onLabels(start, labels)
      p.onProgress?.({ nonceStart, labelsScanned: Math.min(start + batch, numLabels) })
      if (proof !== undefined) return proof
    }
  }
  throw new Error(`no nonce below ${MAX_NONCES} collected K2 = ${params.k2} labels`)
}
