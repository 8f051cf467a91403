/**
 * Stateless checks of one hare gossip message, in go-spacemesh's order (`hare3/hare.go Handler`):
 * decode, shape (reference only in commit/notify), layer, HARE-domain signature over the
 * metadata, then the seat claim against the layer's active set (committee = `leaders` in the
 * propose round). Stateful checks — duplicates and equivocation — are the protocol's.
 * Stricter than go-spacemesh: messages for rounds in which nobody sends are rejected.
 */

import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { DecodeError } from '../codec/index.ts'
import { hash32 } from '../crypto/hash.ts'
import { SigningDomain, verifySignature } from '../crypto/signing.ts'
import { EligibilityError } from '../eligibility/EligibilityError.ts'
import { validateHareEligibility } from '../eligibility/validateHareEligibility.ts'
import { cachedVerdict } from '../validation/cachedVerdict.ts'
import { HareError } from './HareError.ts'
import { decodeHareMessage, encodeHareSignedBytes, type HareMessage } from './hareMessageCodec.ts'
import { absoluteRound, isMessageRound, Round } from './hareRounds.ts'

export interface HareLayerContext {
  readonly layer: number
  readonly beacon: Uint8Array
  readonly genesisId: Uint8Array
  readonly committee: number
  readonly leaders: number
  /** Weight by lowercase hex node ID. */
  readonly weights: ReadonlyMap<string, bigint>
  readonly totalWeight: bigint
  /** Messages of later iterations are dropped before any signature check (bounds session state). */
  readonly iterationsLimit?: number
  /**
   * Optional cache of validation outcomes by message hash. Validation is a pure function of the
   * bytes and this context, so sessions with the same context (simulated nodes of one layer) may
   * share one and verify each signature and VRF once instead of once per node.
   */
  readonly validationCache?: Map<string, HareMessage | HareError>
}

/** Returns the decoded message; throws HareError (never anything else) when it is not acceptable. */
export function validateHareMessage(data: Uint8Array, ctx: HareLayerContext): HareMessage {
  return cachedVerdict(
    ctx.validationCache,
    () => hex(hash32(data)),
    HareError,
    () => check(data, ctx),
  )
}

function check(data: Uint8Array, ctx: HareLayerContext): HareMessage {
  let msg: HareMessage
  try {
    msg = decodeHareMessage(data)
  } catch (e) {
    if (e instanceof DecodeError) throw new HareError('MALFORMED', e.message)
    throw e
  }
  const b = msg.body
  if (b.round > Round.NOTIFY || !isMessageRound(b.round)) throw new HareError('BAD_ROUND', `round ${b.round}`)
  const needsRef = b.round === Round.COMMIT || b.round === Round.NOTIFY
  if (needsRef !== (b.value.reference !== undefined)) {
    throw new HareError('BAD_VALUE', `round ${b.round} ${needsRef ? 'needs' : 'forbids'} a reference`)
  }
  if (b.layer !== ctx.layer) throw new HareError('WRONG_LAYER', `layer ${b.layer}, session ${ctx.layer}`)
  if (ctx.iterationsLimit !== undefined && b.iter > ctx.iterationsLimit) {
    throw new HareError('PAST_LIMIT', `iteration ${b.iter} > ${ctx.iterationsLimit}`)
  }
  if (
    !verifySignature(msg.sender, ctx.genesisId, SigningDomain.HARE, encodeHareSignedBytes(b), msg.signature)
  ) {
    throw new HareError('BAD_SIGNATURE', 'hare signature does not verify')
  }
  const weight = ctx.weights.get(hex(msg.sender))
  if (weight === undefined) throw new HareError('NOT_ACTIVE', 'sender not in the active set')
  try {
    validateHareEligibility(
      msg.sender,
      {
        beacon: ctx.beacon,
        layer: b.layer,
        round: absoluteRound(b),
        committee: b.round === Round.PROPOSE ? ctx.leaders : ctx.committee,
        weight,
        totalWeight: ctx.totalWeight,
      },
      b.eligibility,
    )
  } catch (e) {
    if (e instanceof EligibilityError) throw new HareError('NOT_ELIGIBLE', e.message)
    throw e
  }
  return msg
}
