/**
 * The smesher's PoET challenge, the leaf it registers in a PoET round:
 * blake3(0x00 ‖ scale(NIPostChallengeV1)) (go-spacemesh `NIPostChallengeV1.Hash`). The 0x00
 * prefix separates leaves from the membership tree's inner nodes, which hash with 0x01, so a
 * pair of children can never pass as a registered challenge.
 */
import { encode } from '../codec/index.ts'
import { hash32 } from '../crypto/index.ts'
import { type NIPostChallengeV1, nipostChallengeV1Codec } from './atxCodec.ts'

const LEAF_PREFIX = new Uint8Array([0x00])

export function computeChallengeHash(challenge: NIPostChallengeV1): Uint8Array {
  return hash32(LEAF_PREFIX, encode(nipostChallengeV1Codec, challenge))
}
