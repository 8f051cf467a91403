/**
 * Checks a MultipleATXs malfeasance proof (go-spacemesh `malfeasance/handler.go`,
 * `validateMultipleATXs`): both halves verify under the same identity with domain ATX, name the
 * same publish epoch, and sign different ATX ids. A valid proof convicts the identity: its ATX
 * weight stops counting and its ballots are ignored. Returns the convicted identity.
 */
import { equalBytes } from '@noble/curves/utils.js'
import { SigningDomain, verifySignature } from '../crypto/index.ts'
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'
import type { MalfeasanceProof } from './malfeasanceCodec.ts'
import { atxSignedBytes } from './signAtx.ts'

export const malfeasanceErrorVerdicts = {
  INVALID_SIGNATURE: 'REJECT',
  DIFFERENT_SMESHERS: 'REJECT',
  DIFFERENT_EPOCHS: 'REJECT',
  SAME_MESSAGE: 'REJECT',
} as const satisfies Record<string, Exclude<GossipVerdict, 'ACCEPT'>>

export type MalfeasanceErrorCode = keyof typeof malfeasanceErrorVerdicts

export class MalfeasanceError extends ValidationError<MalfeasanceErrorCode, 'IGNORE' | 'REJECT'> {
  override readonly name = 'MalfeasanceError'
  constructor(code: MalfeasanceErrorCode, message: string) {
    super(code, `${code}: ${message}`, malfeasanceErrorVerdicts)
  }
}

export function verifyMalfeasanceProof(proof: MalfeasanceProof, genesisId: Uint8Array): Uint8Array {
  const [a, b] = proof.proof.value as [MsgLike, MsgLike]
  if (!equalBytes(a.smesherId, b.smesherId)) {
    throw new MalfeasanceError('DIFFERENT_SMESHERS', 'expected both messages from one identity')
  }
  if (a.innerMsg.publishEpoch !== b.innerMsg.publishEpoch) {
    throw new MalfeasanceError(
      'DIFFERENT_EPOCHS',
      `expected one publish epoch, got ${a.innerMsg.publishEpoch} and ${b.innerMsg.publishEpoch}`,
    )
  }
  if (equalBytes(a.innerMsg.msgHash, b.innerMsg.msgHash)) {
    throw new MalfeasanceError('SAME_MESSAGE', 'expected two different ATX ids, got the same twice')
  }
  for (const m of [a, b]) {
    const signed = atxSignedBytes(m.innerMsg.publishEpoch, m.innerMsg.msgHash)
    if (!verifySignature(m.smesherId, genesisId, SigningDomain.ATX, signed, m.signature)) {
      throw new MalfeasanceError('INVALID_SIGNATURE', 'a message signature does not verify')
    }
  }
  return a.smesherId
}

type MsgLike = MalfeasanceProof['proof']['value'][number]
