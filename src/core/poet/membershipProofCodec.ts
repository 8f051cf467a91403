/** The membership proof on the wire; the leaf index must fit the tree its siblings describe. */
import { type Codec, DecodeError, fixedBytes, list, mapped, struct, u64 } from '../codec/index.ts'
import type { MembershipProof } from './buildMembershipTree.ts'
import { MAX_MEMBERSHIP_PROOF_NODES, NODE_SIZE } from './poetConstants.ts'

/** go-spacemesh `types.MerkleProof{Nodes []Hash32 max=32, LeafIndex uint64}`. */
export const membershipProofCodec: Codec<MembershipProof> = mapped(
  struct({ nodes: list(fixedBytes(NODE_SIZE), MAX_MEMBERSHIP_PROOF_NODES), leafIndex: u64 }),
  (v) => {
    if (v.leafIndex >= 2n ** BigInt(v.nodes.length)) {
      throw new DecodeError(
        'OUT_OF_RANGE',
        `leaf index ${v.leafIndex} beyond a tree of height ${v.nodes.length}`,
      )
    }
    return { nodes: v.nodes, leafIndex: Number(v.leafIndex) }
  },
  (p) => ({ nodes: [...p.nodes], leafIndex: BigInt(p.leafIndex) }),
)
