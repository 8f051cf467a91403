/**
 * One named failure per ballot / proposal rule (go-spacemesh `proposals/handler.go`,
 * `eligibility_validator.go`), each with its gossip verdict (CONVENTIONS 9): REJECT when the
 * bytes prove the sender relayed what no honest node would; IGNORE when a dependency we have not
 * seen yet (ATX, reference ballot, base ballot, block) or our own state (beacon, active set) is
 * missing — not provably wrong, so no penalty.
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export const meshErrorVerdicts = {
  MALFORMED: 'REJECT',
  LAYER_BEFORE_GENESIS: 'REJECT',
  LAYER_TOO_FAR: 'IGNORE',
  BAD_SIGNATURE: 'REJECT',
  LEGACY_ACTIVE_SET: 'REJECT',
  UNKNOWN_ATX: 'IGNORE',
  ATX_OTHER_SMESHER: 'REJECT',
  ATX_WRONG_EPOCH: 'REJECT',
  REF_WITH_EPOCH_DATA: 'REJECT',
  EMPTY_BEACON: 'REJECT',
  UNKNOWN_ACTIVE_SET: 'IGNORE',
  WRONG_ELIGIBILITY_COUNT: 'REJECT',
  MISSING_REF_BALLOT: 'REJECT',
  UNKNOWN_REF_BALLOT: 'IGNORE',
  REF_NOT_REFERENCE: 'REJECT',
  REF_MISMATCH: 'REJECT',
  BAD_ELIGIBILITY: 'REJECT',
  NOT_ACTIVE: 'IGNORE',
  UNKNOWN_BASE_BALLOT: 'IGNORE',
  BASE_NOT_BEFORE: 'REJECT',
  TOO_MANY_EXCEPTIONS: 'REJECT',
  VOTE_NOT_BEFORE: 'REJECT',
  CONFLICTING_VOTES: 'REJECT',
  UNKNOWN_BLOCK: 'IGNORE',
  TOO_MANY_TXS: 'REJECT',
  DUPLICATE_TX: 'REJECT',
} as const satisfies Record<string, Exclude<GossipVerdict, 'ACCEPT'>>

export type MeshErrorCode = keyof typeof meshErrorVerdicts

export class MeshError extends ValidationError<MeshErrorCode, Exclude<GossipVerdict, 'ACCEPT'>> {
  override readonly name = 'MeshError'
  constructor(code: MeshErrorCode, message: string) {
    super(code, `${code}: ${message}`, meshErrorVerdicts)
  }
}
