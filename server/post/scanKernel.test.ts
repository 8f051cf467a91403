import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeCommitment } from '../../src/core/post/computeCommitment.ts'
import { createTsScanKernel } from '../../src/core/post/createTsScanKernel.ts'
import { provePost } from '../../src/core/post/provePost.ts'
import type { ScanKernel } from '../../src/core/post/ScanKernel.ts'
import { verifyPost } from '../../src/core/post/verifyPost.ts'
import { loadPostWasm, type PostWasm } from '../../src/post-wasm/loadPostWasm.ts'

let wasm: PostWasm
beforeAll(async () => {
  wasm = await loadPostWasm()
})

describe('ScanKernel contract: post.wasm and the TS reference report the same hits', () => {
  it('on random keys, labels and thresholds (including msb 0 and 255)', () => {
    const ts = createTsScanKernel()
    const kernel: ScanKernel = wasm
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 40 }).chain((n) => fc.uint8Array({ minLength: 16 * n, maxLength: 16 * n })),
        fc.oneof(fc.constantFrom(0, 1, 255), fc.integer({ min: 0, max: 255 })),
        (key, labels, msb) => {
          expect([...kernel.scan(key, labels, msb)]).toEqual([...ts.scan(key, labels, msb)])
        },
      ),
      { numRuns: 200 },
    )
  })

  it('proves with the WASM kernel what the TS kernel proves, and it verifies', () => {
    const params = {
      labelsPerUnit: 256,
      scryptN: 2,
      minNumUnits: 1,
      maxNumUnits: 2,
      k1: 12,
      k2: 6,
      k3: 6,
      powDifficulty: `0f${'ff'.repeat(31)}`,
      provingNonces: 32,
    }
    const nodeId = new Uint8Array(32).fill(9)
    const commitmentAtxId = new Uint8Array(32).fill(3)
    const challenge = new Uint8Array(32).fill(5)
    const data = wasm.labels(computeCommitment(nodeId, commitmentAtxId), 2, 0n, 512).labels
    const prove = (kernel: ScanKernel) =>
      provePost({
        challenge,
        nodeId,
        numUnits: 2,
        params,
        kernel,
        batchLabels: 100,
        readLabels: (start, count) => data.subarray(16 * start, 16 * (start + count)),
      })
    const proof = prove(wasm)
    expect(proof).toEqual(prove(createTsScanKernel()))
    expect(() => verifyPost(proof, { nodeId, commitmentAtxId, challenge, numUnits: 2 }, params)).not.toThrow()
  })
})
