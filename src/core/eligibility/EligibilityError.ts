/**
 * Typed failures of eligibility checks, each with the gossip verdict the network layer turns
 * into a peer score (CONVENTIONS 9). A bad proof is the sender's fault (REJECT); a missing
 * input on our side (unknown identity, no active set yet) is not (IGNORE).
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export type EligibilityErrorCode =
  | 'ZERO_TOTAL_WEIGHT' // the active set weighs nothing: no one can be eligible
  | 'ZERO_COMMITTEE' // a committee of size 0 was asked for
  | 'NOT_ACTIVE' // the identity is not in the active set
  | 'WEIGHT_TOO_LARGE' // n above the 2^30 go-spacemesh supports (`maxSupportedN`)
  | 'BAD_VRF' // the VRF proof does not verify under the node ID
  | 'WRONG_COUNT' // the declared eligibility count is not the one the proof gives
  | 'WRONG_LAYER' // a proposal proof points at another layer
  | 'BAD_COUNTER' // J out of range or not strictly increasing
  | 'NO_PROOFS' // a ballot carries no eligibility proof
  | 'FIXED_PANIC' // spacemeshos/fixed panics on these inputs (a go node would crash): not the peer's fault

const verdicts: Record<EligibilityErrorCode, GossipVerdict> = {
  ZERO_TOTAL_WEIGHT: 'IGNORE',
  ZERO_COMMITTEE: 'IGNORE',
  NOT_ACTIVE: 'IGNORE',
  WEIGHT_TOO_LARGE: 'REJECT',
  BAD_VRF: 'REJECT',
  WRONG_COUNT: 'REJECT',
  WRONG_LAYER: 'REJECT',
  BAD_COUNTER: 'REJECT',
  NO_PROOFS: 'REJECT',
  FIXED_PANIC: 'IGNORE',
}

export class EligibilityError extends ValidationError<EligibilityErrorCode> {
  override readonly name = 'EligibilityError'
  constructor(code: EligibilityErrorCode, message: string) {
    super(code, message, verdicts)
  }
}
