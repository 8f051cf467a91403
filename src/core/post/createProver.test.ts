import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { computeCommitment } from './computeCommitment.ts'
import { computeLabel } from './computeLabel.ts'
import { createProver } from './createProver.ts'
import { decompressIndices } from './decompressIndices.ts'
import { deriveCipherKey } from './deriveCipherKey.ts'
import type { PostProof } from './PostProof.ts'
import { verifyPost } from './verifyPost.ts'

describe('createProver', () => {
  it('reproduces post-rs prove.rs proving_vector (post-poet.md §6.2)', () => {
    const challenge = utf8ToBytes('hello world, CHALLENGE me!!!!!!!')
    expect(bytesToHex(deriveCipherKey(challenge, 0, 0n))).toBe('a6f11e79d0c30fa56e53454c8c6ab6d3')
    const labels = Uint8Array.from({ length: 128 * 16 }, (_, i) => i % 12)
    const prover = createProver({
      challenge,
      numLabels: 128,
      k1: 4,
      k2: 32,
      nonceStart: 0,
      nonceCount: 16,
      pows: [0n],
    })
    const proof = prover.onLabels(0, labels)
    expect(proof?.nonce).toBe(3)
    expect(bytesToHex(proof!.indices)).toBe(
      '000306090c0f1215181b1e2124272a2d303336393c3f4245484b4e5154575a5d',
    )
    expect(proof?.pow).toBe(0n)
    expect(prover.proof).toBe(proof)
  })

  it('gives the same proof whether labels arrive in one batch or many', () => {
    const challenge = utf8ToBytes('hello world, CHALLENGE me!!!!!!!')
    const labels = Uint8Array.from({ length: 128 * 16 }, (_, i) => i % 12)
    const params = { challenge, numLabels: 128, k1: 4, k2: 32, nonceStart: 0, nonceCount: 16, pows: [0n] }
    const prover = createProver(params)
    let proof: PostProof | undefined
    for (let start = 0; proof === undefined && start < 128; start += 5) {
      proof = prover.onLabels(start, labels.subarray(16 * start, 16 * Math.min(start + 5, 128)))
    }
    expect(proof).toEqual(createProver(params).onLabels(0, labels))
  })

  it('finds the end-to-end small PoST of post-poet.md §6.3 and verifies it', () => {
    const nodeId = new Uint8Array(32).fill(0x4d)
    const commitmentAtxId = new Uint8Array(32)
    const commitment = computeCommitment(nodeId, commitmentAtxId)
    const labels = new Uint8Array(4096 * 16)
    for (let i = 0; i < 4096; i++) labels.set(computeLabel(commitment, i, 2), 16 * i)
    expect(bytesToHex(labels.subarray(0, 16))).toBe('62b14f1021413fe30425a2927430cc7b')
    const challenge = utf8ToBytes('hello world, challenge me!!!!!!!')
    const prover = createProver({
      challenge,
      numLabels: 4096,
      k1: 26,
      k2: 37,
      nonceStart: 0,
      nonceCount: 32,
      pows: [0n, 0n],
    })
    const proof = prover.onLabels(0, labels)
    expect(proof?.nonce).toBe(3)
    expect(base64.encode(proof!.indices)).toBe(
      'BoADqICp0CTSRcrwHg8kprQXOJNu1o3E+T4KyAE9IbZElzbThWpSVipNRSqXhblwVwT7Yqlsn3G3AefpAA==',
    )
    expect(decompressIndices(proof!.indices, 13, 37).slice(0, 5)).toEqual([6, 28, 42, 339, 589])
    const params = {
      labelsPerUnit: 4096,
      scryptN: 2,
      minNumUnits: 1,
      maxNumUnits: 1,
      k1: 26,
      k2: 37,
      k3: 37,
      powDifficulty: 'ff'.repeat(32),
    }
    expect(() =>
      verifyPost(proof!, { nodeId, commitmentAtxId, challenge, numUnits: 1 }, params),
    ).not.toThrow()
  })
})
