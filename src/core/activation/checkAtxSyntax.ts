/**
 * Context-free ATX rules (go-spacemesh `HandlerV1.syntacticallyValidate`): the NIPoST is present
 * and has PoST metadata, the positioning ATX is named, and exactly the initial ATX carries the
 * initial PoST, node id, VRF nonce and commitment ATX with sequence 0. Cheap checks only; the
 * caller runs the proofs afterwards.
 */
import { equalBytes } from '@noble/curves/utils.js'
import { AtxValidationError } from './AtxValidationError.ts'
import type { ActivationTxV1, NIPostV1, PostMetadataV1, PostV1 } from './atxCodec.ts'
import { isEmptyAtxId } from './isEmptyAtxId.ts'

export interface CheckedNipost {
  readonly nipost: NIPostV1
  readonly post: PostV1
  readonly metadata: PostMetadataV1
}

export function checkAtxSyntax(atx: ActivationTxV1, currentEpoch: number): CheckedNipost {
  const { inner } = atx
  const { challenge } = inner
  const nipost = inner.nipost
  if (nipost === undefined) throw new AtxValidationError('MISSING_NIPOST', 'expected a NIPoST, got none')
  if (nipost.post === undefined || nipost.postMetadata === undefined) {
    throw new AtxValidationError('MISSING_POST_METADATA', 'expected a PoST and its metadata in the NIPoST')
  }
  if (challenge.publishEpoch > currentEpoch + 1) {
    throw new AtxValidationError(
      'PUBLISH_EPOCH_TOO_FAR',
      `expected publish epoch <= ${currentEpoch + 1}, got ${challenge.publishEpoch}`,
    )
  }
  if (isEmptyAtxId(challenge.positioningAtxId)) {
    throw new AtxValidationError('EMPTY_POSITIONING_ATX', 'expected a positioning ATX id, got zeros')
  }
  if (isEmptyAtxId(challenge.prevAtxId)) {
    if (challenge.initialPost === undefined) missing('initial PoST')
    if (inner.nodeId === undefined) missing('node id')
    if (inner.vrfNonce === undefined) missing('VRF nonce')
    if (challenge.commitmentAtxId === undefined) missing('commitment ATX')
    if (isEmptyAtxId(challenge.commitmentAtxId)) {
      throw new AtxValidationError('EMPTY_COMMITMENT_ATX', 'expected a commitment ATX id, got zeros')
    }
    if (challenge.sequence !== 0n) {
      throw new AtxValidationError(
        'NONZERO_INITIAL_SEQUENCE',
        `expected sequence 0, got ${challenge.sequence}`,
      )
    }
    if (!equalBytes(inner.nodeId!, atx.smesherId)) {
      throw new AtxValidationError('NODE_ID_MISMATCH', 'expected the initial node id to equal the smesher id')
    }
  } else {
    if (inner.nodeId !== undefined) unexpected('node id')
    if (challenge.initialPost !== undefined) unexpected('initial PoST')
    if (challenge.commitmentAtxId !== undefined) unexpected('commitment ATX')
  }
  return { nipost, post: nipost.post, metadata: nipost.postMetadata }
}

function missing(what: string): never {
  throw new AtxValidationError('MISSING_INITIAL_FIELD', `no previous ATX, so expected a ${what}, got none`)
}

function unexpected(what: string): never {
  throw new AtxValidationError('UNEXPECTED_INITIAL_FIELD', `previous ATX declared, so expected no ${what}`)
}
