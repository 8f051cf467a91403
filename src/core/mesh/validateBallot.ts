/**
 * Gossip validation of a ballot (go-spacemesh `proposals/handler.go` checkBallotSyntacticValidity
 * and `eligibility_validator.go`; go-spacemesh.md §2.4):
 *
 * 1. layer after the effective genesis and not beyond the current layer;
 * 2. signature over BallotMetadata with the BALLOT domain, key = SmesherID;
 * 3. the ATX belongs to the smesher and targets the ballot's epoch;
 * 4. reference data: the first ballot of the epoch carries EpochData (non-empty beacon, an
 *    eligibility count equal to the recomputed slot count for the current epoch); later ballots
 *    point to a known reference ballot of the same smesher, ATX and epoch;
 * 5. every eligibility proof verifies (VRF over beacon, epoch, nonce, J) and lands on this layer;
 * 6. vote sanity: the base ballot is known and older, at most `maxExceptions` support/against
 *    exceptions, every exception for a known block of an earlier layer, no block or layer voted
 *    twice. The tortoise later checks that the votes hash to OpinionHash.
 *
 * The function is pure: everything it needs comes through `ctx` (CONVENTIONS 2).
 */
import { SigningDomain, verifySignature } from '../crypto/signing.ts'
import { computeEligibleSlots } from '../eligibility/computeEligibleSlots.ts'
import { EligibilityError } from '../eligibility/EligibilityError.ts'
import { validateBallotEligibility } from '../eligibility/validateBallotEligibility.ts'
import type { Ballot, EpochData } from './ballotCodec.ts'
import { checkVotes } from './checkVotes.ts'
import { computeBallotId, computeBallotSignedBytes } from './computeBallotId.ts'
import { MeshError } from './MeshError.ts'

export interface BallotAtx {
  readonly smesherId: Uint8Array
  readonly publishEpoch: number
  readonly weight: bigint
  readonly vrfNonce: bigint
}

export interface KnownBallot {
  readonly layer: number
  readonly smesherId: Uint8Array
  readonly atxId: Uint8Array
  readonly epochData: EpochData | undefined
}

export interface BallotValidationContext {
  readonly genesisId: Uint8Array
  readonly layersPerEpoch: number
  /** Expected proposals per layer (`LayerAvgSize`). */
  readonly layerAvgSize: number
  /** Tortoise `MinimalActiveSetWeight` for the epoch. */
  readonly minActiveSetWeight: bigint
  readonly effectiveGenesis: number
  readonly currentLayer: number
  /** Tortoise `MaxExceptions`. */
  readonly maxExceptions: number
  getAtx(id: Uint8Array): BallotAtx | undefined
  getBallot(id: Uint8Array): KnownBallot | undefined
  getBlock(id: Uint8Array): { readonly layer: number; readonly height: bigint } | undefined
  /** Total ATX weight of the active set with this hash, once it was fetched and checked. */
  activeSetWeight(activeSetHash: Uint8Array): bigint | undefined
}

export type ValidateBallotReturnType =
  | {
      readonly verdict: 'ACCEPT'
      readonly id: Uint8Array
      readonly epochData: EpochData
      readonly atx: BallotAtx
    }
  | { readonly verdict: 'IGNORE' | 'REJECT'; readonly error: MeshError }

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0)
const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

export function validateBallot(ballot: Ballot, ctx: BallotValidationContext): ValidateBallotReturnType {
  try {
    const { atx, epochData } = check(ballot, ctx)
    return { verdict: 'ACCEPT', id: computeBallotId(ballot.inner), epochData, atx }
  } catch (err) {
    if (err instanceof MeshError) return { verdict: err.verdict, error: err }
    throw err
  }
}

function check(ballot: Ballot, ctx: BallotValidationContext): { atx: BallotAtx; epochData: EpochData } {
  const { inner } = ballot
  if (inner.layer <= ctx.effectiveGenesis)
    throw new MeshError('LAYER_BEFORE_GENESIS', `layer ${inner.layer} ≤ ${ctx.effectiveGenesis}`)
  if (inner.layer > ctx.currentLayer)
    throw new MeshError('LAYER_TOO_FAR', `layer ${inner.layer} > ${ctx.currentLayer}`)
  if (ballot.activeSet.length > 0) throw new MeshError('LEGACY_ACTIVE_SET', 'legacy active set must be empty')
  const signed = computeBallotSignedBytes(inner)
  if (!verifySignature(ballot.smesherId, ctx.genesisId, SigningDomain.BALLOT, signed, ballot.signature))
    throw new MeshError('BAD_SIGNATURE', 'ballot signature does not verify')

  const epoch = Math.floor(inner.layer / ctx.layersPerEpoch)
  const atx = ctx.getAtx(inner.atxId)
  if (atx === undefined) throw new MeshError('UNKNOWN_ATX', 'ballot ATX not known')
  if (!equal(atx.smesherId, ballot.smesherId))
    throw new MeshError('ATX_OTHER_SMESHER', 'ATX of another smesher')
  if (atx.publishEpoch + 1 !== epoch)
    throw new MeshError('ATX_WRONG_EPOCH', `ATX targets epoch ${atx.publishEpoch + 1}, ballot is in ${epoch}`)

  const epochData = referenceData(ballot, ctx, atx, epoch)
  try {
    validateBallotEligibility({
      nodeId: ballot.smesherId,
      layer: inner.layer,
      layersPerEpoch: ctx.layersPerEpoch,
      beacon: epochData.beacon,
      nonce: atx.vrfNonce,
      eligibilityCount: epochData.eligibilityCount,
      proofs: ballot.eligibilityProofs,
    })
  } catch (err) {
    if (err instanceof EligibilityError) throw new MeshError('BAD_ELIGIBILITY', `${err.code}: ${err.message}`)
    throw err
  }
  checkVotes(ballot, ctx)
  return { atx, epochData }
}

function referenceData(
  ballot: Ballot,
  ctx: BallotValidationContext,
  atx: BallotAtx,
  epoch: number,
): EpochData {
  const { inner } = ballot
  if (inner.epochData !== undefined) {
    if (!isZero(inner.refBallot))
      throw new MeshError('REF_WITH_EPOCH_DATA', 'reference ballot points to a ref')
    if (isZero(inner.epochData.beacon))
      throw new MeshError('EMPTY_BEACON', 'reference ballot has an empty beacon')
    const total = ctx.activeSetWeight(inner.epochData.activeSetHash)
    if (total === undefined) throw new MeshError('UNKNOWN_ACTIVE_SET', 'active set not known')
    // go-spacemesh recomputes the count only for the current epoch; older ones are taken as declared.
    if (epoch === Math.floor(ctx.currentLayer / ctx.layersPerEpoch)) {
      if (total === 0n) throw new MeshError('NOT_ACTIVE', 'active set weighs nothing')
      const expected = computeEligibleSlots({
        weight: atx.weight,
        totalWeight: total,
        minWeight: ctx.minActiveSetWeight,
        layerAvgSize: ctx.layerAvgSize,
        layersPerEpoch: ctx.layersPerEpoch,
      })
      if (expected !== inner.epochData.eligibilityCount)
        throw new MeshError(
          'WRONG_ELIGIBILITY_COUNT',
          `declared ${inner.epochData.eligibilityCount}, expected ${expected}`,
        )
    }
    return inner.epochData
  }
  if (isZero(inner.refBallot))
    throw new MeshError('MISSING_REF_BALLOT', 'no epoch data and no reference ballot')
  const ref = ctx.getBallot(inner.refBallot)
  if (ref === undefined) throw new MeshError('UNKNOWN_REF_BALLOT', 'reference ballot not known')
  if (ref.epochData === undefined)
    throw new MeshError('REF_NOT_REFERENCE', 'referenced ballot has no epoch data')
  if (
    !equal(ref.smesherId, ballot.smesherId) ||
    !equal(ref.atxId, inner.atxId) ||
    Math.floor(ref.layer / ctx.layersPerEpoch) !== epoch
  )
    throw new MeshError('REF_MISMATCH', 'reference ballot of another smesher, ATX or epoch')
  return ref.epochData
}
