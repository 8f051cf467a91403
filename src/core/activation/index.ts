/**
 * Activation: the ATX v1 wire format, its id and PoET leaf, signing, the validation rules with
 * gossip verdicts, weights, positioning-ATX choice and the double-publish malfeasance proof
 * (go-spacemesh `activation/`, `malfeasance/`; reference go-spacemesh.md §2.2, §2.10).
 */
export type { AtxHeader, AtxView } from './AtxHeader.ts'
export * from './AtxValidationError.ts'
export * from './atxCodec.ts'
export { buildDoublePublishProof } from './buildDoublePublishProof.ts'
export { checkAtxSyntax } from './checkAtxSyntax.ts'
export { computeAtxId } from './computeAtxId.ts'
export * from './computeAtxWeight.ts'
export { computeChallengeHash } from './computeChallengeHash.ts'
export * from './createNipostVerifiers.ts'
export { isEmptyAtxId } from './isEmptyAtxId.ts'
export { MemoryAtxStore } from './MemoryAtxStore.ts'
export * from './malfeasanceCodec.ts'
export type * from './NipostVerifiers.ts'
export * from './selectPositioningAtx.ts'
export { atxSignedBytes, signAtx } from './signAtx.ts'
export * from './validateAtx.ts'
export * from './verifyMalfeasanceProof.ts'
export * from './verifyVrfNonce.ts'
