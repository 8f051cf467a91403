import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { deriveFiatShamirIndices } from './deriveFiatShamirIndices.ts'
import { PoetProver } from './PoetProver.ts'
import { verifyPoetProof } from './verifyPoetProof.ts'

const statement = new Uint8Array(32).fill(0x11)

describe('PoetProver (reference post-poet.md §6.4, 10 leaves, statement 0x11×32)', () => {
  const prover = new PoetProver(statement)
  prover.step(10)
  const store = prover.store

  it('computes the labels', () => {
    expect(bytesToHex(store.read(0, 0))).toBe(
      '702f03319747f200ad0b029395c7347182033ab7bc32bdc0cce3a01b067b23c6',
    )
    expect(bytesToHex(store.read(0, 1))).toBe(
      '73dccaad1653a8b04cb3384ccac4761e535e91a7d146df2dcc65be1366e31698',
    )
    expect(bytesToHex(store.read(0, 9))).toBe(
      'b4a4a31b82d2b3c22baf4870e0ae148eccc6aaec597ee6d908a098907c2c1e69',
    )
  })

  it('computes the zero-padded root and the proof nodes in validator order', () => {
    const proof = prover.prove(4)
    expect(bytesToHex(proof.root)).toBe('dfb8959f7811a8d313bb94941d5f334ee76ff4e77bc872183d0b28d1e45b568e')
    expect(deriveFiatShamirIndices(proof.root, 10, 4)).toEqual([1, 2, 3, 4])
    expect(proof.proofNodes.map(bytesToHex)).toEqual([
      '702f03319747f200ad0b029395c7347182033ab7bc32bdc0cce3a01b067b23c6',
      bytesToHex(store.read(0, 5)),
      '06b38fdb92dd8ce6a6d2393a97cd492ec543ec34fcf6deea1b6416c3ef9d2d63',
      'e0d9c4da46de98f3fc93a03f851f7d10cc01f730473df354508ffe9e0fdfe163',
    ])
    expect(bytesToHex(store.read(0, 5)).startsWith('66621f6c10e78cd3')).toBe(true)
    expect(proof.provenLeaves.map(bytesToHex)).toEqual([1, 2, 3, 4].map((i) => bytesToHex(store.read(0, i))))
    verifyPoetProof(proof, statement, { t: 4 })
  })
})

describe('PoetProver as a resumable state machine', () => {
  it('gives the same tree however the work is sliced', () => {
    const whole = new PoetProver(statement)
    whole.step(37)
    const sliced = new PoetProver(statement)
    for (const n of [1, 2, 5, 0, 13, 16]) sliced.step(n)
    expect(sliced.leafCount).toBe(37)
    expect(sliced.prove(8)).toEqual(whole.prove(8))
  })

  it('resumes from a checkpoint and its store, discarding nodes written after it', () => {
    const reference = new PoetProver(statement)
    reference.step(45)
    const first = new PoetProver(statement)
    first.step(21)
    const cp = first.checkpoint()
    expect(cp.parked.filter((p) => p !== undefined)).toHaveLength(3) // 21 = 0b10101
    first.step(5) // work lost in a crash after the checkpoint
    const resumed = PoetProver.fromCheckpoint(cp, first.store, statement)
    expect(resumed.leafCount).toBe(21)
    resumed.step(24)
    expect(resumed.prove(8)).toEqual(reference.prove(8))
  })

  it('proves a single-leaf tree whose root is the leaf', () => {
    const p = new PoetProver(statement)
    p.step(1)
    const proof = p.prove(150)
    expect(proof.root).toEqual(proof.provenLeaves[0])
    expect(proof.proofNodes).toEqual([])
    verifyPoetProof(proof, statement, { t: 1 })
  })
})
