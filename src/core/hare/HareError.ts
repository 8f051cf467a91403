/**
 * Typed failures of hare and certificate validation, each with its gossip verdict (CONVENTIONS 9).
 * REJECT: the bytes prove the sender misbehaved (malformed, bad signature, bad eligibility).
 * IGNORE: not provably wrong, just not useful to us (other layer, duplicate, unknown sender).
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export type HareErrorCode =
  | 'MALFORMED' // did not decode
  | 'BAD_ROUND' // a round in which nobody sends (hardlock, softlock, wait1, wait2) or > notify
  | 'BAD_VALUE' // reference present in preround/propose, or absent in commit/notify
  | 'WRONG_LAYER' // no session for this layer
  | 'PAST_LIMIT' // an iteration beyond IterationsLimit: never sent by an honest node, not worth storing
  | 'BAD_SIGNATURE' // HARE-domain signature does not verify
  | 'NOT_ACTIVE' // sender not in the layer's active set
  | 'NOT_ELIGIBLE' // VRF proof or seat count does not check out
  | 'DUPLICATE' // already have this exact message, or the sender already equivocated
  | 'AFTER_END' // the session has finished

const verdicts: Record<HareErrorCode, GossipVerdict> = {
  MALFORMED: 'REJECT',
  BAD_ROUND: 'REJECT',
  BAD_VALUE: 'REJECT',
  WRONG_LAYER: 'IGNORE',
  PAST_LIMIT: 'IGNORE',
  BAD_SIGNATURE: 'REJECT',
  NOT_ACTIVE: 'IGNORE',
  NOT_ELIGIBLE: 'REJECT',
  DUPLICATE: 'IGNORE',
  AFTER_END: 'IGNORE',
}

export class HareError extends ValidationError<HareErrorCode> {
  override readonly name = 'HareError'
  constructor(code: HareErrorCode, message: string) {
    super(code, message, verdicts)
  }
}
