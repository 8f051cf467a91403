/** Typed failures of beacon message validation, with gossip verdicts (CONVENTIONS 9). */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export type BeaconErrorCode =
  | 'MALFORMED' // did not decode
  | 'WRONG_EPOCH' // another epoch's message
  | 'NOT_ACTIVE' // sender has no ATX in this epoch
  | 'BAD_VRF' // proposal or weak-coin VRF does not verify
  | 'ABOVE_THRESHOLD' // proposal VRF above the eligibility threshold
  | 'LATE' // proposal after the grace period
  | 'WRONG_ROUND' // a vote or weak-coin ticket for a round that is not open
  | 'BAD_SIGNATURE' // vote signature does not verify
  | 'DUPLICATE' // second proposal, or second vote for a round
  | 'NO_FIRST_VOTE' // a follow-up vote from a sender whose first vote we lack
  | 'BAD_UNIT' // weak-coin unit beyond the sender's allowance (its ATX units)

const verdicts: Record<BeaconErrorCode, GossipVerdict> = {
  MALFORMED: 'REJECT',
  WRONG_EPOCH: 'IGNORE',
  NOT_ACTIVE: 'IGNORE',
  BAD_VRF: 'REJECT',
  ABOVE_THRESHOLD: 'REJECT',
  LATE: 'IGNORE',
  WRONG_ROUND: 'IGNORE',
  BAD_SIGNATURE: 'REJECT',
  DUPLICATE: 'IGNORE',
  NO_FIRST_VOTE: 'IGNORE',
  BAD_UNIT: 'REJECT',
}

export class BeaconError extends ValidationError<BeaconErrorCode> {
  override readonly name = 'BeaconError'
  constructor(code: BeaconErrorCode, message: string) {
    super(code, message, verdicts)
  }
}
