/**
 * One named failure per ATX rule, each with the gossip verdict the network layer turns into a
 * peer score (CONVENTIONS 9):
 * - REJECT: the bytes prove the sender relayed something no honest node would (bad signature,
 *   bad proof, broken chain); drop it and penalize the peer.
 * - IGNORE: not provably wrong, just not usable now (a dependency we have not seen yet, an epoch
 *   too far ahead, a second ATX whose identity is already proven malicious); drop, no penalty.
 * Rules follow go-spacemesh `activation/handler_v1.go` and `validation.go`. Two are ours, stricter
 * than upstream and unreachable by an honest smesher: NODE_ID_MISMATCH (the initial ATX's NodeID,
 * which go-spacemesh's `Sign` fills with the signer, must be the smesher id) and ZERO_TICKS (a
 * PoET proof shorter than one tick would make an ATX of weight 0).
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export const atxErrorVerdicts = {
  MALFORMED: 'REJECT',
  MISSING_NIPOST: 'REJECT',
  MISSING_POST_METADATA: 'REJECT',
  PUBLISH_EPOCH_TOO_FAR: 'IGNORE',
  EMPTY_POSITIONING_ATX: 'REJECT',
  MISSING_INITIAL_FIELD: 'REJECT',
  EMPTY_COMMITMENT_ATX: 'REJECT',
  NONZERO_INITIAL_SEQUENCE: 'REJECT',
  NODE_ID_MISMATCH: 'REJECT',
  UNEXPECTED_INITIAL_FIELD: 'REJECT',
  INVALID_SIGNATURE: 'REJECT',
  NUM_UNITS_OUT_OF_RANGE: 'REJECT',
  LABELS_PER_UNIT_TOO_LOW: 'REJECT',
  INVALID_VRF_NONCE: 'REJECT',
  INVALID_INITIAL_POST: 'REJECT',
  UNKNOWN_COMMITMENT_ATX: 'IGNORE',
  COMMITMENT_ATX_NOT_OLDER: 'REJECT',
  UNKNOWN_PREVIOUS_ATX: 'IGNORE',
  PREVIOUS_ATX_OTHER_SMESHER: 'REJECT',
  PREVIOUS_ATX_NOT_OLDER: 'REJECT',
  WRONG_SEQUENCE: 'REJECT',
  PREVIOUS_NOT_LAST: 'REJECT',
  INITIAL_AFTER_HISTORY: 'REJECT',
  UNKNOWN_POSITIONING_ATX: 'IGNORE',
  POSITIONING_ATX_NOT_OLDER: 'REJECT',
  UNKNOWN_POET_PROOF: 'IGNORE',
  POET_REF_LENGTH: 'REJECT',
  NOT_IN_POET_MEMBERSHIP: 'REJECT',
  INVALID_POST: 'REJECT',
  ZERO_TICKS: 'REJECT',
  WEIGHT_OVERFLOW: 'REJECT',
  DOUBLE_PUBLISH: 'IGNORE',
} as const satisfies Record<string, Exclude<GossipVerdict, 'ACCEPT'>>

export type AtxErrorCode = keyof typeof atxErrorVerdicts

export class AtxValidationError extends ValidationError<AtxErrorCode, 'IGNORE' | 'REJECT'> {
  override readonly name = 'AtxValidationError'
  constructor(code: AtxErrorCode, message: string) {
    super(code, `${code}: ${message}`, atxErrorVerdicts)
  }
}
