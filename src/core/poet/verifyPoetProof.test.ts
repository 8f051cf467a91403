import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { deriveFiatShamirIndices } from './deriveFiatShamirIndices.ts'
import { PoetProofError, type PoetProofErrorCode } from './PoetProofError.ts'
import { PoetProver } from './PoetProver.ts'
import type { PoetProof } from './poetProofCodec.ts'
import { verifyPoetProof } from './verifyPoetProof.ts'

const statement = new Uint8Array(32).fill(0x22)

function proveLeaves(n: number, s = statement): PoetProof {
  const p = new PoetProver(s)
  p.step(n)
  return p.prove()
}

function rejection(f: () => void): PoetProofErrorCode {
  try {
    f()
  } catch (err) {
    if (err instanceof PoetProofError) return err.code
    throw err
  }
  throw new Error('expected a PoetProofError, the proof was accepted')
}

function flip(b: Uint8Array): Uint8Array {
  const c = b.slice()
  c[7]! ^= 0x40
  return c
}

describe('Fiat–Shamir indices (reference post-poet.md §6.4)', () => {
  it('matches the root = 0^32, 2^40 leaves, T = 150 vector', () => {
    const idx = deriveFiatShamirIndices(new Uint8Array(32), 2 ** 40, 150)
    expect(idx).toHaveLength(150)
    expect(idx.slice(0, 5)).toEqual([2055808093, 9848975100, 11213890789, 23541073168, 28803607208])
  })
})

describe('verifyPoetProof with T = 150', () => {
  const sizes = [150, 151, 256, 300, 777]
  const proofs = new Map(sizes.map((n) => [n, proveLeaves(n)]))
  const p300 = proofs.get(300)!

  it.each(sizes)('accepts an honest proof of %i leaves', (n) => {
    const proof = proofs.get(n)!
    expect(proof.provenLeaves).toHaveLength(150)
    verifyPoetProof(proof, statement, { leafCount: n })
  })

  it('rejects a proof of another round (other statement): replay', () => {
    const other = new Uint8Array(32).fill(0x23)
    expect(rejection(() => verifyPoetProof(p300, other))).toBe('ROOT_MISMATCH')
  })

  it('rejects a tampered label (root no longer matches)', () => {
    const leaves = [...p300.provenLeaves]
    leaves[17] = flip(leaves[17]!)
    expect(rejection(() => verifyPoetProof({ ...p300, provenLeaves: leaves }, statement))).toBe(
      'ROOT_MISMATCH',
    )
  })

  it('rejects a tampered sibling', () => {
    const nodes = [...p300.proofNodes]
    nodes[3] = flip(nodes[3]!)
    expect(rejection(() => verifyPoetProof({ ...p300, proofNodes: nodes }, statement))).toBe('ROOT_MISMATCH')
  })

  it('rejects a tampered root', () => {
    // Another root selects other openings, so the walk consumes the siblings differently.
    const structural = ['ROOT_MISMATCH', 'EXTRA_PROOF_NODES', 'PROOF_NODES_EXHAUSTED']
    expect(structural).toContain(
      rejection(() => verifyPoetProof({ ...p300, root: flip(p300.root) }, statement)),
    )
  })

  it('rejects a consistent tree whose labels were not computed sequentially', () => {
    // Build the tree over random labels: the Merkle part is sound, the labels are not.
    const fake = new PoetProver(statement)
    fake.step(300)
    const store = fake.store
    for (let i = 0; i < 300; i++) store.read(0, i).set(flip(store.read(0, i)))
    // Rebuild the upper layers honestly over the forged leaves.
    const forged = rebuildOver(store, 300)
    expect(rejection(() => verifyPoetProof(forged, statement))).toBe('LABEL_MISMATCH')
  })

  it('rejects a claimed leaf count other than the tree (inflated ticks)', () => {
    // A taller tree needs more siblings than the proof carries.
    expect(['PROOF_NODES_EXHAUSTED', 'ROOT_MISMATCH']).toContain(
      rejection(() => verifyPoetProof({ ...p300, leafCount: 600 }, statement)),
    )
    expect(rejection(() => verifyPoetProof(p300, statement, { leafCount: 301 }))).toBe('LEAF_COUNT_MISMATCH')
  })

  it('rejects truncated and padded proofs', () => {
    expect(
      rejection(() => verifyPoetProof({ ...p300, proofNodes: p300.proofNodes.slice(0, -1) }, statement)),
    ).toBe('PROOF_NODES_EXHAUSTED')
    expect(
      rejection(() =>
        verifyPoetProof({ ...p300, proofNodes: [...p300.proofNodes, new Uint8Array(32)] }, statement),
      ),
    ).toBe('EXTRA_PROOF_NODES')
    expect(
      rejection(() => verifyPoetProof({ ...p300, provenLeaves: p300.provenLeaves.slice(1) }, statement)),
    ).toBe('WRONG_PROVEN_LEAF_COUNT')
  })

  it('rejects malformed sizes', () => {
    expect(rejection(() => verifyPoetProof(p300, statement.subarray(1)))).toBe('BAD_STATEMENT')
    expect(rejection(() => verifyPoetProof({ ...p300, root: p300.root.subarray(1) }, statement))).toBe(
      'BAD_NODE_LENGTH',
    )
    const nodes = [...p300.proofNodes]
    nodes[0] = new Uint8Array(33)
    expect(rejection(() => verifyPoetProof({ ...p300, proofNodes: nodes }, statement))).toBe(
      'BAD_NODE_LENGTH',
    )
    expect(rejection(() => verifyPoetProof({ ...p300, leafCount: 149 }, statement))).toBe(
      'LEAF_COUNT_OUT_OF_RANGE',
    )
    expect(rejection(() => verifyPoetProof({ ...p300, leafCount: 2 ** 44 }, statement))).toBe(
      'LEAF_COUNT_OUT_OF_RANGE',
    )
  })

  it('rejects reordered openings', () => {
    // Openings are bound to their Fiat–Shamir index by position.
    const leaves = [...p300.provenLeaves]
    ;[leaves[0], leaves[1]] = [leaves[1]!, leaves[0]!]
    expect(rejection(() => verifyPoetProof({ ...p300, provenLeaves: leaves }, statement))).toBe(
      'ROOT_MISMATCH',
    )
    expect(bytesToHex(leaves[0]!)).not.toBe(bytesToHex(p300.provenLeaves[0]!))
  })
})

import { computeTreeHeight } from './computeTreeHeight.ts'
import { computeTreeNode } from './computeTreeNode.ts'
import { createPoetHasher } from './createPoetHasher.ts'
import { generatePoetProof } from './generatePoetProof.ts'
import { MemoryPoetTreeStore, type PoetTreeStore } from './MemoryPoetTreeStore.ts'

/** An attacker's tree: given leaves, honest internal nodes, so only the labels are wrong. */
function rebuildOver(leaves: PoetTreeStore, n: number): PoetProof {
  const hasher = createPoetHasher(statement)
  const store = new MemoryPoetTreeStore()
  for (let i = 0; i < n; i++) store.append(0, leaves.read(0, i).slice())
  for (let h = 1; h <= computeTreeHeight(n); h++) {
    for (let i = 0; i < Math.floor(n / 2 ** h); i++) store.append(h, computeTreeNode(store, hasher, n, h, i))
  }
  return generatePoetProof(store, hasher, n, 150)
}
