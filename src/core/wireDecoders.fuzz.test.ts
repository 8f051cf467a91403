/**
 * Every wire type a peer can send, in one list: random bytes decode or throw DecodeError, never
 * anything else. Each room also fuzzes its own decoders with mutations of valid samples; this list
 * is the net that catches a new codec nobody fuzzed.
 */
import { describe } from 'vitest'
import { fuzzDecoder } from '../testing/fuzzDecoder.ts'
import { activationTxV1Codec } from './activation/atxCodec.ts'
import { malfeasanceProofCodec } from './activation/malfeasanceCodec.ts'
import {
  beaconProposalCodec,
  firstVotingCodec,
  followingVotingCodec,
  weakCoinCodec,
} from './beacon/beaconMessageCodec.ts'
import { type Codec, decode } from './codec/index.ts'
import { decodeCertificate, decodeCertifyMessage } from './hare/certificateCodec.ts'
import { hareEquivocationProofCodec } from './hare/encodeHareEquivocationProof.ts'
import { decodeHareMessage } from './hare/hareMessageCodec.ts'
import { decodeBallot } from './mesh/ballotCodec.ts'
import { decodeBlock } from './mesh/blockCodec.ts'
import { decodeProposal } from './mesh/proposalCodec.ts'
import { membershipProofCodec } from './poet/membershipProofCodec.ts'
import { decodePoetProof } from './poet/poetProofCodec.ts'
import { decodePostProof } from './post/PostProof.ts'
import { decodeTransaction } from './vm/decodeTransaction.ts'

const whole =
  <T>(codec: Codec<T>) =>
  (bytes: Uint8Array) =>
    decode(codec, bytes)

const decoders: Record<string, (bytes: Uint8Array) => unknown> = {
  atx: whole(activationTxV1Codec),
  malfeasanceProof: whole(malfeasanceProofCodec),
  beaconProposal: whole(beaconProposalCodec),
  beaconFirstVoting: whole(firstVotingCodec),
  beaconFollowingVoting: whole(followingVotingCodec),
  beaconWeakCoin: whole(weakCoinCodec),
  hareMessage: decodeHareMessage,
  hareEquivocationProof: whole(hareEquivocationProofCodec),
  certificate: decodeCertificate,
  certifyMessage: decodeCertifyMessage,
  ballot: decodeBallot,
  proposal: decodeProposal,
  block: decodeBlock,
  poetProof: decodePoetProof,
  poetMembershipProof: whole(membershipProofCodec),
  postProof: decodePostProof,
  transaction: (bytes) => decodeTransaction(bytes),
}

describe('every wire decoder', () => {
  for (const [name, decodeBytes] of Object.entries(decoders))
    fuzzDecoder(name, decodeBytes, [], { runs: 400 })
})
