import { describe, expect, it } from 'vitest'
import { fuzzDecoder } from '../../testing/fuzzDecoder.ts'
import { DecodeError, decode, encode } from '../codec/index.ts'
import { hash20, hash32 } from '../crypto/hash.ts'
import {
  type Ballot,
  decodeBallot,
  encodeBallot,
  MAX_ELIGIBILITY_PROOFS,
  MAX_VOTE_EXCEPTIONS,
  votesCodec,
} from './ballotCodec.ts'
import { type Block, decodeBlock, encodeBlock } from './blockCodec.ts'
import { computeBallotId, computeBallotSignedBytes } from './computeBallotId.ts'
import { computeBlockId } from './computeBlockId.ts'
import { computeProposalId } from './computeProposalId.ts'
import { decodeProposal, encodeProposal, type Proposal } from './proposalCodec.ts'

const fill = (n: number, v: number) => new Uint8Array(n).fill(v)
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

const refBallot: Ballot = {
  inner: {
    layer: 100,
    atxId: fill(32, 0xaa),
    opinionHash: fill(32, 0xbb),
    refBallot: fill(20, 0),
    epochData: { activeSetHash: fill(32, 0xcc), beacon: Uint8Array.of(1, 2, 3, 4), eligibilityCount: 64 },
  },
  signature: fill(64, 0x11),
  smesherId: fill(32, 0x22),
  votes: {
    base: fill(20, 0x33),
    support: [{ id: fill(20, 0x44), layer: 99, height: 300n }],
    against: [],
    abstain: [98],
  },
  eligibilityProofs: [{ j: 5, sig: fill(80, 0x55) }],
  activeSet: [],
}

describe('ballot codec (go-spacemesh common/types/ballot_scale.go)', () => {
  it('encodes the field order and compact integers by hand', () => {
    // Layer 100 = compact32 mode 1: (100 << 2 | 1) LE = 91 01; count 64 = 01 01; height 300 = b1 04.
    const expected = [
      '9101',
      'aa'.repeat(32),
      'bb'.repeat(32),
      '00'.repeat(20),
      `01${'cc'.repeat(32)}010203040101`, // Some(EpochData)
      '11'.repeat(64),
      '22'.repeat(32),
      '33'.repeat(20),
      `04${'44'.repeat(20)}8d01b104`, // support: 1 vote, layer 99, height 300
      '00', // against: empty
      '04' + '8901', // abstain: [98]
      `0414${'55'.repeat(80)}`, // proofs: [{J 5, sig}]
      '00', // legacy active set
    ].join('')
    expect(hex(encodeBallot(refBallot))).toBe(expected)
    expect(decodeBallot(encodeBallot(refBallot))).toEqual(refBallot)
  })

  it('derives the ballot ID from InnerBallot only, and signs BallotMetadata', () => {
    const id = computeBallotId(refBallot.inner)
    const innerBytes = encodeBallot(refBallot).subarray(0, 2 + 32 + 32 + 20 + 1 + 32 + 4 + 2)
    expect(hex(id)).toBe(hex(hash20(innerBytes)))
    const otherVotes = { ...refBallot, votes: { ...refBallot.votes, abstain: [] } }
    expect(computeBallotId(otherVotes.inner)).toEqual(id)
    expect(hex(computeBallotSignedBytes(refBallot.inner))).toBe(`9101${hex(hash32(innerBytes))}`)
  })

  it('encodes a non-reference ballot with None epoch data', () => {
    const b: Ballot = {
      ...refBallot,
      inner: { ...refBallot.inner, epochData: undefined, refBallot: fill(20, 7) },
    }
    const bytes = encodeBallot(b)
    expect(bytes[2 + 32 + 32 + 20]).toBe(0)
    expect(decodeBallot(bytes)).toEqual(b)
  })

  it('rejects a vote list above its bound and trailing bytes', () => {
    const vote = { id: fill(20, 1), layer: 1, height: 1n }
    const tooMany = { base: fill(20, 0), support: [], against: [], abstain: [] as number[] }
    const w = encode(votesCodec, tooMany)
    // Forge a count of MAX + 1 in the abstain list (compact32 2-byte mode).
    const count = ((MAX_VOTE_EXCEPTIONS + 1) << 2) | 1
    const forged = Uint8Array.of(...w.subarray(0, w.length - 1), count & 0xff, count >> 8)
    expect(() => decode(votesCodec, forged)).toThrow(expect.objectContaining({ code: 'TOO_LONG' }))
    expect(() =>
      encode(votesCodec, { ...tooMany, support: Array(MAX_VOTE_EXCEPTIONS + 1).fill(vote) }),
    ).toThrow()
    const bytes = encodeBallot(refBallot)
    expect(() => decodeBallot(Uint8Array.of(...bytes, 0))).toThrow(DecodeError)
  })
})

describe('ballot size bound (LIMITS.md)', () => {
  it('the largest ballot the decoder accepts is 2,855,290 bytes', () => {
    const maxVote = { id: fill(20, 1), layer: 2 ** 32 - 1, height: 2n ** 64n - 1n }
    const largest: Ballot = {
      ...refBallot,
      inner: {
        ...refBallot.inner,
        layer: 2 ** 32 - 1,
        epochData: { activeSetHash: fill(32, 1), beacon: fill(4, 1), eligibilityCount: 2 ** 32 - 1 },
      },
      votes: {
        base: fill(20, 2),
        support: Array(MAX_VOTE_EXCEPTIONS).fill(maxVote),
        against: Array(MAX_VOTE_EXCEPTIONS).fill(maxVote),
        abstain: Array(MAX_VOTE_EXCEPTIONS).fill(2 ** 32 - 1),
      },
      eligibilityProofs: Array(MAX_ELIGIBILITY_PROOFS).fill({ j: 2 ** 32 - 1, sig: fill(80, 3) }),
      activeSet: [fill(32, 4)],
    }
    const bytes = encodeBallot(largest)
    expect(bytes.length).toBe(2_855_290)
    expect(decodeBallot(bytes).eligibilityProofs.length).toBe(MAX_ELIGIBILITY_PROOFS)
  })
})

const proposal: Proposal = {
  inner: { ballot: refBallot, txIds: [fill(32, 0x66), fill(32, 0x67)], meshHash: fill(32, 0x77) },
  signature: fill(64, 0x88),
}

describe('proposal and block codecs', () => {
  it('round-trip and lay out the proposal as ballot ‖ txs ‖ mesh hash ‖ signature', () => {
    const bytes = encodeProposal(proposal)
    const ballotBytes = encodeBallot(refBallot)
    expect(hex(bytes)).toBe(
      `${hex(ballotBytes)}08${'66'.repeat(32)}${'67'.repeat(32)}${'77'.repeat(32)}${'88'.repeat(64)}`,
    )
    expect(decodeProposal(bytes)).toEqual(proposal)
  })

  it('derives the proposal ID from the whole inner proposal, votes included', () => {
    const id = computeProposalId(proposal.inner)
    const innerBytes = encodeProposal(proposal).subarray(0, -64)
    expect(hex(id)).toBe(hex(hash20(Uint8Array.of(0x91, 0x01, ...hash32(innerBytes)))))
    const changed = {
      ...proposal.inner,
      ballot: { ...refBallot, votes: { ...refBallot.votes, abstain: [] } },
    }
    expect(computeProposalId(changed)).not.toEqual(id)
  })

  it('encodes a block by hand and hashes it to its ID', () => {
    const block: Block = {
      layer: 7,
      tickHeight: 1000n,
      rewards: [{ atxId: fill(32, 0xaa), weight: { num: 3n, denom: 2n } }],
      txIds: [fill(32, 0x01)],
    }
    const bytes = encodeBlock(block)
    expect(hex(bytes)).toBe(`1ca10f04${'aa'.repeat(32)}0c0804${'01'.repeat(32)}`)
    expect(decodeBlock(bytes)).toEqual(block)
    expect(computeBlockId(block)).toEqual(hash20(bytes))
  })
})

describe('decoders fuzzed', () => {
  fuzzDecoder('ballot', decodeBallot, [encodeBallot(refBallot)], { runs: 400 })
  fuzzDecoder('proposal', decodeProposal, [encodeProposal(proposal)], { runs: 300 })
  fuzzDecoder(
    'block',
    decodeBlock,
    [encodeBlock({ layer: 9, tickHeight: 5n, rewards: [], txIds: [fill(32, 3)] })],
    { runs: 300 },
  )
})
