/**
 * Why the tortoise refused a ballot or could not encode votes. A ballot the tortoise cannot
 * decode was relayed by a peer that should have checked it (REJECT) unless it only lacks a
 * dependency we may still receive (IGNORE).
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export const tortoiseErrorVerdicts = {
  UNKNOWN_BASE_BALLOT: 'IGNORE',
  UNKNOWN_REF_BALLOT: 'IGNORE',
  UNKNOWN_ATX: 'IGNORE',
  NOT_A_REFERENCE: 'REJECT',
  NO_EPOCH_DATA: 'REJECT',
  BASE_NOT_BEFORE: 'REJECT',
  CONFLICTING_VOTES: 'REJECT',
  OPINION_HASH_MISMATCH: 'REJECT',
  DUPLICATE_BALLOT: 'IGNORE',
  // Encoding our own votes:
  NO_BASE_BALLOT: 'IGNORE',
  NO_COINFLIP: 'IGNORE',
  TOO_MANY_EXCEPTIONS: 'IGNORE',
} as const satisfies Record<string, Exclude<GossipVerdict, 'ACCEPT'>>

export type TortoiseErrorCode = keyof typeof tortoiseErrorVerdicts

export class TortoiseError extends ValidationError<TortoiseErrorCode, Exclude<GossipVerdict, 'ACCEPT'>> {
  override readonly name = 'TortoiseError'
  constructor(code: TortoiseErrorCode, message: string) {
    super(code, `${code}: ${message}`, tortoiseErrorVerdicts)
  }
}
