/**
 * Checks a seat claim (go-spacemesh `oracle.Validate`): the proof must verify under the sender's
 * node ID over this layer/round/beacon, and the declared count x must pass Validate's own test
 * ¬(BinCDF(x−1) > frac) ∧ frac < BinCDF(x) in `spacemeshos/fixed` arithmetic (`isSeatCountValid`),
 * which accepts exactly the count `countCommitteeSeats` gives on every vector we checked.
 * Count 0 is never valid in a message.
 */

import { vrfVerify } from '../crypto/vrf.ts'
import { isSeatCountValid } from './countCommitteeSeats.ts'
import { EligibilityError } from './EligibilityError.ts'
import { encodeHareVrfMessage } from './encodeVrfMessages.ts'
import type { HareEligibility, HareSeatContext } from './proveHareEligibility.ts'

/** Returns nothing when valid; throws EligibilityError (BAD_VRF, WRONG_COUNT, …) otherwise. */
export function validateHareEligibility(
  nodeId: Uint8Array,
  ctx: HareSeatContext,
  eligibility: HareEligibility,
): void {
  if (eligibility.count === 0) throw new EligibilityError('WRONG_COUNT', 'eligibility count 0')
  if (!vrfVerify(nodeId, encodeHareVrfMessage(ctx), eligibility.proof)) {
    throw new EligibilityError('BAD_VRF', 'hare eligibility proof does not verify')
  }
  if (!isSeatCountValid({ ...ctx, proof: eligibility.proof }, eligibility.count)) {
    throw new EligibilityError('WRONG_COUNT', `declared ${eligibility.count} seats, not what the proof gives`)
  }
}
