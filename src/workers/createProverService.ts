import { compareBytes } from '../core/post/compareBytes.ts'
import { computeCommitment } from '../core/post/computeCommitment.ts'
import { decodePostProof, encodePostProof } from '../core/post/PostProof.ts'
import { PostVerifyError } from '../core/post/PostVerifyError.ts'
import { provePost } from '../core/post/provePost.ts'
import type { ScanKernel } from '../core/post/ScanKernel.ts'
import { verifyPost } from '../core/post/verifyPost.ts'
import { createReferenceLabeler } from './createReferenceLabeler.ts'
import type { Labeler } from './Labeler.ts'
import { openOpfsLabelReader } from './openOpfsLabelReader.ts'
import type { ProverWorkerApi } from './postWorkerContract.ts'
import { sampleIndices } from './sampleIndices.ts'

/**
 * The prover worker's implementation: reads the labels back from OPFS through sync access
 * handles and runs `src/core/post`'s prover with the injected scan kernel (the WASM one in the
 * browser); verification is core's `verifyPost`.
 */
export function createProverService(
  loadKernel: () => Promise<ScanKernel | undefined>,
  getRoot: () => Promise<FileSystemDirectoryHandle> = () => navigator.storage.getDirectory(),
  loadLabeler: () => Promise<Labeler> = async () => createReferenceLabeler(),
): ProverWorkerApi {
  return {
    async checkLabels(allocation, scryptN, sample, seed) {
      const labeler = await loadLabeler()
      const reader = await openOpfsLabelReader(allocation.dir, allocation.labelsPerFile, await getRoot())
      try {
        const t0 = performance.now()
        const commitment = computeCommitment(allocation.nodeId, allocation.commitmentAtxId)
        const total = allocation.numUnits * allocation.labelsPerUnit
        const mismatches: number[] = []
        let mismatchCount = 0
        const indices = sampleIndices(total, sample, seed)
        for (const i of indices) {
          const want = labeler.labels(commitment, scryptN, BigInt(i), 1).labels
          const got = reader.read(i, 1)
          if (compareBytes(want, got) !== 0) {
            mismatchCount++
            if (mismatches.length < 16) mismatches.push(i)
          }
        }
        return { checked: indices.length, mismatches, mismatchCount, ms: performance.now() - t0 }
      } finally {
        reader.close()
      }
    },

    async prove(allocation, params, challenge) {
      const kernel = await loadKernel()
      const reader = await openOpfsLabelReader(allocation.dir, allocation.labelsPerFile, await getRoot())
      try {
        const t0 = performance.now()
        const proof = provePost({
          challenge,
          nodeId: allocation.nodeId,
          numUnits: allocation.numUnits,
          params,
          readLabels: reader.read,
          ...(kernel === undefined ? {} : { kernel }),
        })
        const proveMs = performance.now() - t0
        return {
          proof,
          proofBytes: encodePostProof(proof),
          proveMs,
          readMs: reader.readMs(),
          kernel: kernel === undefined ? 'reference' : 'wasm',
        }
      } finally {
        reader.close()
      }
    },

    async verify(proofBytes, allocation, params, challenge) {
      // Re-derive the K3 labels with the same labeler the allocation was written with (WASM in
      // the browser): the TS reference pays its JIT warm-up on the first verification.
      const labeler = await loadLabeler()
      const computeLabel = (commitment: Uint8Array, index: number, n: number) =>
        labeler.labels(commitment, n, BigInt(index), 1).labels
      const t0 = performance.now()
      try {
        const proof = decodePostProof(proofBytes)
        const metadata = {
          nodeId: allocation.nodeId,
          commitmentAtxId: allocation.commitmentAtxId,
          challenge,
          numUnits: allocation.numUnits,
        }
        verifyPost(proof, metadata, params, { computeLabel })
        return { ok: true, verifyMs: performance.now() - t0 }
      } catch (err) {
        const verifyMs = performance.now() - t0
        const code = err instanceof PostVerifyError ? err.code : ((err as Error).name ?? 'ERROR')
        return { ok: false, code, message: (err as Error).message ?? String(err), verifyMs }
      }
    },
  }
}
