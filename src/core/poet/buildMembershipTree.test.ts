import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { buildMembershipTree } from './buildMembershipTree.ts'
import type { PoetProofError } from './PoetProofError.ts'
import { verifyMembershipProof } from './verifyMembershipProof.ts'

const member = (k: number) => new Uint8Array(32).fill(k)

describe('membership tree (reference post-poet.md §6.4 roots)', () => {
  it('matches the blake3 0x01-prefixed roots', () => {
    expect(buildMembershipTree([member(1)]).root).toEqual(member(1))
    expect(bytesToHex(buildMembershipTree([member(1), member(2)]).root)).toBe(
      '7dfb6d5986153fae21ad072c102d9b029a7c247f7e4019dc0ad217145a4a3485',
    )
    expect(bytesToHex(buildMembershipTree([member(1), member(2), member(3)]).root)).toBe(
      'd2814fc261af4aa4fc561a38699090eb9bf6b4d608de9066505dbe5a338002d0',
    )
  })

  it('proves every member of trees of 1..17 members', () => {
    for (let n = 1; n <= 17; n++) {
      const leaves = Array.from({ length: n }, (_, i) => member(i + 1))
      const tree = buildMembershipTree(leaves)
      for (let i = 0; i < n; i++) {
        const proof = tree.proveMember(i)
        expect(proof.nodes).toHaveLength(Math.ceil(Math.log2(n)))
        verifyMembershipProof(tree.root, leaves[i]!, proof)
      }
    }
  })

  it('rejects a non-member, a wrong index and an out-of-range index', () => {
    const leaves = [1, 2, 3, 4, 5].map(member)
    const tree = buildMembershipTree(leaves)
    const proof = tree.proveMember(2)
    const code = (f: () => void) => {
      try {
        f()
      } catch (err) {
        return (err as PoetProofError).code
      }
      return 'accepted'
    }
    expect(code(() => verifyMembershipProof(tree.root, member(9), proof))).toBe('MEMBER_ROOT_MISMATCH')
    expect(code(() => verifyMembershipProof(tree.root, leaves[2]!, { ...proof, leafIndex: 3 }))).toBe(
      'MEMBER_ROOT_MISMATCH',
    )
    expect(code(() => verifyMembershipProof(tree.root, leaves[2]!, { ...proof, leafIndex: 8 }))).toBe(
      'MEMBER_INDEX_OUT_OF_RANGE',
    )
    expect(code(() => verifyMembershipProof(member(7), leaves[2]!, proof))).toBe('MEMBER_ROOT_MISMATCH')
  })
})
