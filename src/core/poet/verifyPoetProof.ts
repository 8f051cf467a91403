/**
 * Checks a PoET proof against the round's statement (poet `verifier.Validate`, reference
 * post-poet.md §3.2):
 *  (a) exactly t opened leaves, (b) their indices re-derived by Fiat–Shamir from the root,
 *  (c) the partial tree recomputes the root, recording for each opened leaf its left cousins
 *      (its "parking snapshot"), (d) each label re-derived with H400 from statement, index and
 *      cousins.
 * Stricter than upstream in one way: the tree height is fixed by leafCount and every sibling
 * must be used, so a proof cannot carry a different-height tree or trailing nodes.
 *
 * A proof of another round fails (c) or (d): both hashes are salted with the statement.
 * Throws PoetProofError; returns nothing when the proof is valid.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { computeTreeHeight } from './computeTreeHeight.ts'
import { createPoetHasher } from './createPoetHasher.ts'
import { deriveFiatShamirIndices } from './deriveFiatShamirIndices.ts'
import { PoetProofError } from './PoetProofError.ts'
import { MAX_LEAF_COUNT, NODE_SIZE, POET_T } from './poetConstants.ts'
import type { PoetProof } from './poetProofCodec.ts'

export interface VerifyPoetProofOptions {
  /** The leaf count the caller expects (e.g. from the service's round record). */
  readonly leafCount?: number
  /** Openings required; only tests lower it. */
  readonly t?: number
}

export function verifyPoetProof(
  proof: PoetProof,
  statement: Uint8Array,
  options: VerifyPoetProofOptions = {},
): void {
  const t = options.t ?? POET_T
  if (statement.length !== NODE_SIZE) {
    throw new PoetProofError(
      'BAD_STATEMENT',
      `expected a ${NODE_SIZE}-byte statement, got ${statement.length}`,
    )
  }
  const n = proof.leafCount
  if (options.leafCount !== undefined && options.leafCount !== n) {
    throw new PoetProofError('LEAF_COUNT_MISMATCH', `expected ${options.leafCount} leaves, proof claims ${n}`)
  }
  if (!Number.isSafeInteger(n) || n < t || n > MAX_LEAF_COUNT) {
    throw new PoetProofError('LEAF_COUNT_OUT_OF_RANGE', `expected ${t}..${MAX_LEAF_COUNT} leaves, got ${n}`)
  }
  if (proof.provenLeaves.length !== t) {
    throw new PoetProofError(
      'WRONG_PROVEN_LEAF_COUNT',
      `expected ${t} opened leaves, got ${proof.provenLeaves.length}`,
    )
  }
  for (const [what, nodes] of [
    ['root', [proof.root]],
    ['opened leaf', proof.provenLeaves],
    ['sibling', proof.proofNodes],
  ] as const) {
    for (const node of nodes) {
      if (node.length !== NODE_SIZE) {
        throw new PoetProofError('BAD_NODE_LENGTH', `expected ${NODE_SIZE}-byte ${what}, got ${node.length}`)
      }
    }
  }

  const hasher = createPoetHasher(statement)
  const indices = deriveFiatShamirIndices(proof.root, n, t)
  const snapshots: (Uint8Array | undefined)[][] = indices.map(() => [])
  let nextLeaf = 0
  let nextNode = 0

  /** Mirror of generatePoetProof's walk: returns the node at `stopAt` above the next leaf. */
  function climb(stopAt: number): Uint8Array {
    const first = nextLeaf++
    let index = indices[first]!
    let active = proof.provenLeaves[first]!
    for (let h = 0; h < stopAt; h++) {
      const upcoming = indices[nextLeaf]
      const descend = upcoming !== undefined && Math.floor(upcoming / 2 ** h) === (index ^ 1)
      const firstInSibling = nextLeaf
      let sibling: Uint8Array
      if (descend) sibling = climb(h)
      else {
        const node = proof.proofNodes[nextNode++]
        if (node === undefined) {
          throw new PoetProofError(
            'PROOF_NODES_EXHAUSTED',
            `${proof.proofNodes.length} siblings do not reach the root`,
          )
        }
        sibling = node
      }
      const parent = new Uint8Array(NODE_SIZE)
      if (index % 2 === 1) {
        // Our node is a right child: its left sibling was parked when every leaf below us was
        // added, so it is a left cousin of all of them.
        for (let k = first; k < firstInSibling; k++) snapshots[k]![h] = sibling
        hasher.node(sibling, active, parent)
      } else {
        // Our node is the left child: it is a left cousin of every leaf in the sibling subtree.
        for (let k = firstInSibling; k < nextLeaf; k++) snapshots[k]![h] = active
        hasher.node(active, sibling, parent)
      }
      active = parent
      index = Math.floor(index / 2)
    }
    return active
  }

  const root = climb(computeTreeHeight(n))
  if (nextNode !== proof.proofNodes.length) {
    throw new PoetProofError(
      'EXTRA_PROOF_NODES',
      `expected ${nextNode} siblings, got ${proof.proofNodes.length}`,
    )
  }
  if (!equalBytes(root, proof.root)) {
    throw new PoetProofError(
      'ROOT_MISMATCH',
      `opened leaves hash to ${bytesToHex(root)}, proof root is ${bytesToHex(proof.root)}`,
    )
  }
  const label = new Uint8Array(NODE_SIZE)
  for (let k = 0; k < indices.length; k++) {
    hasher.label(indices[k]!, snapshots[k]!, label)
    if (!equalBytes(label, proof.provenLeaves[k]!)) {
      throw new PoetProofError(
        'LABEL_MISMATCH',
        `leaf ${indices[k]}: expected label ${bytesToHex(label)}, got ${bytesToHex(proof.provenLeaves[k]!)}`,
      )
    }
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}
