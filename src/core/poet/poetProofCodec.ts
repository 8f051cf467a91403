/**
 * The PoET proof on the wire: go-spacemesh `types.PoetProof` = poet `shared.MerkleProof`
 * {Root, ProvenLeaves, ProofNodes} followed by `LeafCount` as compact64 (go-spacemesh
 * `types.PoetProof`, reference go-spacemesh.md §2.3).
 * Upstream encodes each node as a byte slice of at most 32 bytes; we keep that layout and reject
 * any node that is not exactly 32 bytes while decoding, since no honest proof carries one.
 */
import {
  bytes,
  type Codec,
  compact64,
  DecodeError,
  decode,
  encode,
  list,
  mapped,
  struct,
} from '../codec/index.ts'
import { MAX_LEAF_COUNT, MAX_PROOF_NODES, NODE_SIZE, POET_T } from './poetConstants.ts'

/** A 32-byte digest carried as an upstream `[]byte` with `scale:"max=32"`. */
export const nodeBytes: Codec<Uint8Array> = mapped(
  bytes(NODE_SIZE),
  (b) => {
    if (b.length !== NODE_SIZE) {
      throw new DecodeError('INVALID_VALUE', `expected a ${NODE_SIZE}-byte node, got ${b.length} bytes`)
    }
    return b
  },
  (b) => b,
)

const leafCountCodec: Codec<number> = mapped(
  compact64,
  (v) => {
    if (v < 1n || v > BigInt(MAX_LEAF_COUNT)) {
      throw new DecodeError('OUT_OF_RANGE', `expected a leaf count in 1..2^43, got ${v}`)
    }
    return Number(v)
  },
  (n) => BigInt(n),
)

export const poetProofCodec = struct({
  root: nodeBytes,
  provenLeaves: list(nodeBytes, POET_T),
  proofNodes: list(nodeBytes, MAX_PROOF_NODES),
  leafCount: leafCountCodec,
})

export interface PoetProof {
  /** Root of the sequential-work tree. */
  readonly root: Uint8Array
  /** Labels of the Fiat–Shamir leaves, in ascending index order. */
  readonly provenLeaves: readonly Uint8Array[]
  /** Siblings in the order the validator's left-to-right traversal consumes them. */
  readonly proofNodes: readonly Uint8Array[]
  /** Leaves the service computed; ticks = leafCount / tickSize. */
  readonly leafCount: number
}

export function encodePoetProof(proof: PoetProof): Uint8Array {
  return encode(poetProofCodec, {
    root: proof.root,
    provenLeaves: [...proof.provenLeaves],
    proofNodes: [...proof.proofNodes],
    leafCount: proof.leafCount,
  })
}

/** Throws only DecodeError. */
export function decodePoetProof(data: Uint8Array): PoetProof {
  return decode(poetProofCodec, data)
}
