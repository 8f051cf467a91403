/**
 * Full validation of a gossiped ATX v1, in the order go-spacemesh's `HandlerV1` applies it:
 * decode, syntax, signature, the chain (previous ATX, commitment ATX, positioning ATX), the
 * numUnits and PoST-metadata bounds, the NIPoST (PoET proof known, our challenge a member of its
 * statement, PoST over the PoET proof ref), the VRF nonce, then the contextual rules (the previous
 * ATX is the identity's last, one ATX per identity and epoch) and the weight.
 *
 * Threats this stops: replaying an ATX on another network (genesis prefix in the signature),
 * claiming space-time one does not have (PoST), claiming time that did not pass (PoET membership
 * plus ticks counted from the positioning ATX's height), running several PoSTs in parallel on one
 * storage (a sequence chain with one ATX per epoch), and growing weight without a fresh VRF-nonce
 * check (units above the previous ATX's re-check the nonce; the weight counts the minimum).
 */
import { equalBytes } from '@noble/curves/utils.js'
import { DecodeError, decode } from '../codec/index.ts'
import { SigningDomain, verifySignature } from '../crypto/index.ts'
import type { PostParams } from '../params/presets.ts'
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import type { AtxHeader, AtxView } from './AtxHeader.ts'
import { AtxValidationError } from './AtxValidationError.ts'
import { type ActivationTxV1, activationTxV1Codec } from './atxCodec.ts'
import { buildDoublePublishProof } from './buildDoublePublishProof.ts'
import { checkAtxSyntax } from './checkAtxSyntax.ts'
import { computeAtxId } from './computeAtxId.ts'
import { computeAtxWeight } from './computeAtxWeight.ts'
import { computeChallengeHash } from './computeChallengeHash.ts'
import { isEmptyAtxId } from './isEmptyAtxId.ts'
import type { MalfeasanceProof } from './malfeasanceCodec.ts'
import type { NipostVerifiers, PoetProofInfo, VrfNonceCheck } from './NipostVerifiers.ts'
import { atxSignedBytes } from './signAtx.ts'

export interface ValidateAtxParameters {
  /** Gossip bytes or an already decoded ATX. */
  readonly atx: Uint8Array | ActivationTxV1
  readonly currentEpoch: number
  readonly genesisId: Uint8Array
  readonly goldenAtxId: Uint8Array
  readonly layersPerEpoch: number
  readonly post: Pick<PostParams, 'labelsPerUnit' | 'minNumUnits' | 'maxNumUnits'>
  readonly tickSize: number
  readonly atxs: AtxView
  readonly poetProof: (ref: Uint8Array) => PoetProofInfo | undefined
  readonly verifiers: NipostVerifiers
}

export type ValidateAtxReturnType =
  | { readonly verdict: 'ACCEPT'; readonly atx: ActivationTxV1; readonly header: AtxHeader }
  | {
      readonly verdict: Exclude<GossipVerdict, 'ACCEPT'>
      readonly error: AtxValidationError
      /** Set for DOUBLE_PUBLISH: the proof to gossip against the identity. */
      readonly malfeasance?: MalfeasanceProof
    }

const ZERO_CHALLENGE = new Uint8Array(32)

export function validateAtx(p: ValidateAtxParameters): ValidateAtxReturnType {
  let atx: ActivationTxV1
  try {
    atx = p.atx instanceof Uint8Array ? decode(activationTxV1Codec, p.atx) : p.atx
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err
    return fail(new AtxValidationError('MALFORMED', err.message))
  }
  try {
    const header = check(atx, p)
    const earlier = p.atxs.bySmesherInEpoch(atx.smesherId, header.publishEpoch)
    if (earlier !== undefined && !equalBytes(earlier.id, header.id)) {
      const error = new AtxValidationError(
        'DOUBLE_PUBLISH',
        `identity already published an ATX in epoch ${header.publishEpoch}`,
      )
      const malfeasance = buildDoublePublishProof(earlier, header, p.layersPerEpoch)
      return { verdict: error.verdict, error, malfeasance }
    }
    return { verdict: 'ACCEPT', atx, header }
  } catch (err) {
    if (err instanceof AtxValidationError) return fail(err)
    throw err
  }
}

function fail(error: AtxValidationError): ValidateAtxReturnType {
  return { verdict: error.verdict, error }
}

function check(atx: ActivationTxV1, p: ValidateAtxParameters): AtxHeader {
  const { inner, smesherId } = atx
  const { challenge } = inner
  const { post, metadata, nipost } = checkAtxSyntax(atx, p.currentEpoch)
  const id = computeAtxId(inner)

  // Signature: domain ATX over {publish epoch, id}, genesis-prefixed (handler_v1 `processATX`).
  const signed = atxSignedBytes(challenge.publishEpoch, id)
  if (!verifySignature(smesherId, p.genesisId, SigningDomain.ATX, signed, atx.signature)) {
    throw new AtxValidationError('INVALID_SIGNATURE', 'signature does not verify under the smesher id')
  }

  // numUnits and PoST metadata bounds (validation.go `validateNumUnits`, `validatePostMetadata`).
  if (inner.numUnits < p.post.minNumUnits || inner.numUnits > p.post.maxNumUnits) {
    throw new AtxValidationError(
      'NUM_UNITS_OUT_OF_RANGE',
      `expected numUnits in [${p.post.minNumUnits}, ${p.post.maxNumUnits}], got ${inner.numUnits}`,
    )
  }
  if (metadata.labelsPerUnit < BigInt(p.post.labelsPerUnit)) {
    throw new AtxValidationError(
      'LABELS_PER_UNIT_TOO_LOW',
      `expected labelsPerUnit >= ${p.post.labelsPerUnit}, got ${metadata.labelsPerUnit}`,
    )
  }

  // The chain: commitment ATX (initial) or previous ATX (handler_v1 `syntacticallyValidateDeps`).
  const initial = isEmptyAtxId(challenge.prevAtxId)
  const labelsPerUnit = metadata.labelsPerUnit
  let commitmentAtxId: Uint8Array
  let effectiveNumUnits: number
  let vrfNonce: bigint
  if (initial) {
    commitmentAtxId = challenge.commitmentAtxId!
    checkCommitmentAtx(commitmentAtxId, challenge.publishEpoch, p)
    vrfNonce = inner.vrfNonce!
    checkVrfNonce(
      { nodeId: smesherId, commitmentAtxId, nonce: vrfNonce, numUnits: inner.numUnits, labelsPerUnit },
      p,
    )
    const initialOk = p.verifiers.verifyPost({
      nodeId: smesherId,
      commitmentAtxId,
      challenge: ZERO_CHALLENGE,
      numUnits: inner.numUnits,
      labelsPerUnit,
      proof: challenge.initialPost!,
      allIndices: true,
    })
    if (!initialOk)
      throw new AtxValidationError('INVALID_INITIAL_POST', 'initial PoST (zero challenge) is invalid')
    effectiveNumUnits = inner.numUnits
    if (p.atxs.lastBySmesher(smesherId) !== undefined) {
      throw new AtxValidationError(
        'INITIAL_AFTER_HISTORY',
        'no previous ATX declared, but the identity has ATXs',
      )
    }
  } else {
    const prev = checkPrevious(atx, p)
    commitmentAtxId = prev.commitmentAtxId
    vrfNonce = inner.vrfNonce ?? prev.vrfNonce
    // A new nonce, or more units than before, must re-prove the nonce (handler_v1 `validateNonInitialAtx`).
    if (inner.vrfNonce !== undefined || inner.numUnits > prev.numUnits) {
      checkVrfNonce(
        { nodeId: smesherId, commitmentAtxId, nonce: vrfNonce, numUnits: inner.numUnits, labelsPerUnit },
        p,
      )
    }
    effectiveNumUnits = Math.min(prev.numUnits, inner.numUnits)
  }

  const baseTickHeight = checkPositioning(challenge.positioningAtxId, challenge.publishEpoch, p)

  // NIPoST (validation.go `NIPost`): PoET proof known, our challenge under its statement, PoST on its ref.
  const ref = metadata.challenge
  if (ref.length !== 32) {
    throw new AtxValidationError('POET_REF_LENGTH', `expected a 32-byte PoET proof ref, got ${ref.length}`)
  }
  const poet = p.poetProof(ref)
  if (poet === undefined)
    throw new AtxValidationError('UNKNOWN_POET_PROOF', 'PoET proof for the ref is unknown')
  const member = p.verifiers.verifyMembership({
    leaf: computeChallengeHash(challenge),
    leafIndex: nipost.membership.leafIndex,
    nodes: nipost.membership.nodes,
    root: poet.statement,
  })
  if (!member) {
    throw new AtxValidationError(
      'NOT_IN_POET_MEMBERSHIP',
      'challenge hash is not a member of the PoET statement',
    )
  }
  const postOk = p.verifiers.verifyPost({
    nodeId: smesherId,
    commitmentAtxId,
    challenge: ref,
    numUnits: inner.numUnits,
    labelsPerUnit,
    proof: post,
    allIndices: false,
  })
  if (!postOk) throw new AtxValidationError('INVALID_POST', 'PoST over the PoET proof ref is invalid')

  // Contextual: the previous ATX must be the identity's last (handler_v1 `contextuallyValidateAtx`).
  if (!initial) {
    const last = p.atxs.lastBySmesher(smesherId)
    if (
      last !== undefined &&
      last.publishEpoch < challenge.publishEpoch &&
      !equalBytes(last.id, challenge.prevAtxId)
    ) {
      throw new AtxValidationError(
        'PREVIOUS_NOT_LAST',
        `previous ATX is not the identity's last (epoch ${last.publishEpoch})`,
      )
    }
  }

  const w = computeAtxWeight({
    effectiveNumUnits,
    leafCount: poet.leafCount,
    tickSize: p.tickSize,
    baseTickHeight,
  })
  if (w.tickCount === 0n) {
    throw new AtxValidationError(
      'ZERO_TICKS',
      `PoET leaf count ${poet.leafCount} is below one tick of ${p.tickSize}`,
    )
  }
  if (w.weight === undefined)
    throw new AtxValidationError('WEIGHT_OVERFLOW', 'weight or tick height overflows u64')
  return {
    id,
    smesherId,
    publishEpoch: challenge.publishEpoch,
    sequence: challenge.sequence,
    prevAtxId: challenge.prevAtxId,
    positioningAtxId: challenge.positioningAtxId,
    commitmentAtxId,
    numUnits: inner.numUnits,
    effectiveNumUnits,
    vrfNonce,
    baseTickHeight,
    tickCount: w.tickCount,
    tickHeight: w.tickHeight,
    weight: w.weight,
    signature: atx.signature,
  }
}

/** The label at the VRF nonce meets the difficulty for the declared units (`validateVRFNonce`). */
function checkVrfNonce(check: VrfNonceCheck, p: ValidateAtxParameters): void {
  if (!p.verifiers.verifyVrfNonce(check))
    throw new AtxValidationError('INVALID_VRF_NONCE', `label at nonce ${check.nonce} misses the difficulty`)
}

/** The commitment ATX is golden, or a known ATX published before this one (`InitialNIPostChallengeV1`). */
function checkCommitmentAtx(id: Uint8Array, publishEpoch: number, p: ValidateAtxParameters): void {
  if (equalBytes(id, p.goldenAtxId)) return
  const commitment = p.atxs.get(id)
  if (commitment === undefined)
    throw new AtxValidationError('UNKNOWN_COMMITMENT_ATX', 'commitment ATX is unknown')
  if (commitment.publishEpoch >= publishEpoch) {
    throw new AtxValidationError(
      'COMMITMENT_ATX_NOT_OLDER',
      `expected commitment ATX epoch < ${publishEpoch}, got ${commitment.publishEpoch}`,
    )
  }
}

/** Previous ATX: known, same identity, older, sequence + 1 (validation.go `NIPostChallengeV1`). */
function checkPrevious(atx: ActivationTxV1, p: ValidateAtxParameters): AtxHeader {
  const { challenge } = atx.inner
  const prev = p.atxs.get(challenge.prevAtxId)
  if (prev === undefined) throw new AtxValidationError('UNKNOWN_PREVIOUS_ATX', 'previous ATX is unknown')
  if (!equalBytes(prev.smesherId, atx.smesherId)) {
    throw new AtxValidationError('PREVIOUS_ATX_OTHER_SMESHER', 'previous ATX belongs to another identity')
  }
  if (prev.publishEpoch >= challenge.publishEpoch) {
    throw new AtxValidationError(
      'PREVIOUS_ATX_NOT_OLDER',
      `expected previous ATX epoch < ${challenge.publishEpoch}, got ${prev.publishEpoch}`,
    )
  }
  if (prev.sequence + 1n !== challenge.sequence) {
    throw new AtxValidationError(
      'WRONG_SEQUENCE',
      `expected sequence ${prev.sequence + 1n}, got ${challenge.sequence}`,
    )
  }
  return prev
}

/** Positioning ATX: golden, or known and published before (validation.go `PositioningAtx`); returns its tick height. */
function checkPositioning(id: Uint8Array, publishEpoch: number, p: ValidateAtxParameters): bigint {
  if (equalBytes(id, p.goldenAtxId)) return 0n
  const pos = p.atxs.get(id)
  if (pos === undefined) throw new AtxValidationError('UNKNOWN_POSITIONING_ATX', 'positioning ATX is unknown')
  if (pos.publishEpoch >= publishEpoch) {
    throw new AtxValidationError(
      'POSITIONING_ATX_NOT_OLDER',
      `expected positioning ATX epoch < ${publishEpoch}, got ${pos.publishEpoch}`,
    )
  }
  return pos.tickHeight
}
