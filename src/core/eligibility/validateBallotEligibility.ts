/**
 * Ballot eligibility (go-spacemesh `proposals/eligibility_validator.go`): every proof's J is
 * below the epoch's eligibility count and strictly increasing (no slot used twice), every proof
 * verifies under the smesher's key over (beacon, epoch, nonce, J), and every proof points at the
 * ballot's own layer. Proofs are self-authenticating, which is why go-spacemesh leaves them
 * outside the ballot signature.
 */

import { vrfVerify } from '../crypto/vrf.ts'
import { computeEligibleLayer } from './computeEligibleLayer.ts'
import { EligibilityError } from './EligibilityError.ts'
import { encodeProposalVrfMessage } from './encodeVrfMessages.ts'

export interface BallotEligibilityInput {
  readonly nodeId: Uint8Array
  readonly layer: number
  readonly layersPerEpoch: number
  readonly beacon: Uint8Array
  readonly nonce: bigint
  /** The count of the reference ballot (recomputed with computeEligibleSlots for the current epoch). */
  readonly eligibilityCount: number
  readonly proofs: readonly { readonly j: number; readonly sig: Uint8Array }[]
}

/** Returns nothing when valid; throws EligibilityError otherwise. */
export function validateBallotEligibility(input: BallotEligibilityInput): void {
  if (input.proofs.length === 0) throw new EligibilityError('NO_PROOFS', 'ballot has no eligibility proofs')
  const epoch = Math.floor(input.layer / input.layersPerEpoch)
  let last = -1
  for (const { j, sig } of input.proofs) {
    if (j <= last || j >= input.eligibilityCount) {
      throw new EligibilityError('BAD_COUNTER', `J ${j} after ${last}, count ${input.eligibilityCount}`)
    }
    last = j
    const msg = encodeProposalVrfMessage({ beacon: input.beacon, epoch, nonce: input.nonce, counter: j })
    if (!vrfVerify(input.nodeId, msg, sig))
      throw new EligibilityError('BAD_VRF', `proof J ${j} does not verify`)
    const at = computeEligibleLayer(epoch, input.layersPerEpoch, sig)
    if (at !== input.layer) throw new EligibilityError('WRONG_LAYER', `proof J ${j} is for layer ${at}`)
  }
}
