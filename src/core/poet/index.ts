/**
 * PoET: the sequential-work proof of elapsed time of spacemeshos/poet (reference post-poet.md §3),
 * the membership tree of a round's challenges, the registration PoW and the round timing.
 */
export { buildMembershipTree, type MembershipProof, type MembershipTree } from './buildMembershipTree.ts'
export {
  computePoetRound,
  type PoetRoundSchedule,
  type PoetRoundTimes,
} from './computePoetRound.ts'
export { computePoetRoundTimes } from './computePoetRoundTimes.ts'
export { computeTreeHeight } from './computeTreeHeight.ts'
export { createPoetHasher, type PoetHasher } from './createPoetHasher.ts'
export { deriveFiatShamirIndices } from './deriveFiatShamirIndices.ts'
export { hashMembershipNode } from './hashMembershipNode.ts'
export { MemoryPoetTreeStore, type PoetTreeStore } from './MemoryPoetTreeStore.ts'
export { membershipProofCodec } from './membershipProofCodec.ts'
export { PoetProofError, type PoetProofErrorCode } from './PoetProofError.ts'
export { PoetProver, type PoetProverCheckpoint } from './PoetProver.ts'
export * from './poetConstants.ts'
export { decodePoetProof, encodePoetProof, type PoetProof, poetProofCodec } from './poetProofCodec.ts'
export {
  decodePoetProverCheckpoint,
  encodePoetProverCheckpoint,
  POET_CHECKPOINT_VERSION,
} from './poetProverCheckpointCodec.ts'
export { solveRegistrationPow } from './solveRegistrationPow.ts'
export { verifyMembershipProof } from './verifyMembershipProof.ts'
export { type VerifyPoetProofOptions, verifyPoetProof } from './verifyPoetProof.ts'
export { verifyRegistrationPow } from './verifyRegistrationPow.ts'
