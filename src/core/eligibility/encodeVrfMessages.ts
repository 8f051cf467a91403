/**
 * The messages go-spacemesh feeds its ECVRF (go-spacemesh.md §1.4). The VRF message carries all
 * domain separation itself — there is no genesis prefix — so each use starts with its
 * `EligibilityType` (compact16): Beacon 1, Hare 2, Voting 3, BeaconWC 4 (`common/types/eligibility.go`).
 * Field order and integer modes follow the go structs (`proposals/util.go VrfMessage`,
 * `hare3/eligibility/oracle.go VrfMessage`); uint32 and uint64 fields are SCALE compacts.
 */
import { compact16, compact32, compact64, encode, fixedBytes, struct } from '../codec/index.ts'

export const EligibilityType = { BEACON: 1, HARE: 2, VOTING: 3, BEACON_WEAK_COIN: 4 } as const

export const BEACON_LENGTH = 4

const proposalVrfMessage = struct({
  type: compact16,
  beacon: fixedBytes(BEACON_LENGTH),
  epoch: compact32,
  nonce: compact64,
  counter: compact32,
})

const hareVrfMessage = struct({
  type: compact16,
  beacon: fixedBytes(BEACON_LENGTH),
  round: compact32,
  layer: compact32,
})

export interface ProposalVrfInput {
  readonly beacon: Uint8Array
  readonly epoch: number
  /** The ATX's VRF nonce (`VRFPostIndex`). */
  readonly nonce: bigint
  /** J, the slot counter, 0 ≤ J < eligibility count. */
  readonly counter: number
}

/** VRF message of proposal slot J (`proposals.MustSerializeVRFMessage`). */
export function encodeProposalVrfMessage(input: ProposalVrfInput): Uint8Array {
  return encode(proposalVrfMessage, { type: EligibilityType.VOTING, ...input })
}

export interface HareVrfInput {
  readonly beacon: Uint8Array
  /** The absolute hare round (iter × 7 + round), or `CERTIFY_ROUND` for block certification. */
  readonly round: number
  readonly layer: number
}

/** VRF message of a hare or certifier seat (`hare3/eligibility.GenVRF`). */
export function encodeHareVrfMessage(input: HareVrfInput): Uint8Array {
  return encode(hareVrfMessage, { type: EligibilityType.HARE, ...input })
}

/** The round the certifier draws its committee in (`eligibility.CertifyRound` = MaxInt32). */
export const CERTIFY_ROUND = 2 ** 31 - 1
