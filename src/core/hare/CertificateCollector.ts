/**
 * Gathers certify messages from gossip (topic `bc1`) for the block a node's hare output produced,
 * until their seats reach the threshold (go-spacemesh `blocks/certifier.go`), then yields the
 * certificate. Messages for another block of the layer are IGNOREd here: a node certifies only
 * the block it built; a different majority block is the syncer's business.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { DecodeError } from '../codec/index.ts'
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { type Certificate, type CertifyMessage, decodeCertifyMessage } from './certificateCodec.ts'
import {
  type CertificateContext,
  CertificateError,
  type CertificateErrorCode,
  certificateThreshold,
  verifyCertifyMessage,
} from './verifyCertificate.ts'

const verdicts: Record<CertificateErrorCode | 'MALFORMED', GossipVerdict> = {
  MALFORMED: 'REJECT',
  WRONG_LAYER: 'IGNORE',
  WRONG_BLOCK: 'IGNORE',
  BAD_SIGNATURE: 'REJECT',
  NOT_ACTIVE: 'IGNORE',
  NOT_ELIGIBLE: 'REJECT',
  DUPLICATE_SIGNER: 'IGNORE',
  BELOW_THRESHOLD: 'IGNORE',
}

export type CertifyVerdict =
  | { readonly verdict: 'ACCEPT' }
  | {
      readonly verdict: 'IGNORE' | 'REJECT'
      readonly code: CertificateErrorCode | 'MALFORMED'
      readonly message: string
    }

export class CertificateCollector {
  private readonly messages = new Map<string, CertifyMessage>()
  private total = 0

  constructor(
    readonly ctx: CertificateContext,
    readonly blockId: Uint8Array,
  ) {}

  get seats(): number {
    return this.total
  }

  /** A gossip payload; ACCEPT means relay it. */
  onMessage(data: Uint8Array): CertifyVerdict {
    let m: CertifyMessage
    try {
      m = decodeCertifyMessage(data)
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e
      return { verdict: 'REJECT', code: 'MALFORMED', message: e.message }
    }
    return this.add(m)
  }

  /** Adds a message (own messages may be added directly). */
  add(m: CertifyMessage): CertifyVerdict {
    const id = bytesToHex(m.smesherId)
    const error = this.messages.has(id)
      ? new CertificateError('DUPLICATE_SIGNER', 'already have this signer')
      : verifyCertifyMessage(m, this.blockId, this.ctx)
    if (error !== undefined) {
      return {
        verdict: verdicts[error.code] as 'IGNORE' | 'REJECT',
        code: error.code,
        message: error.message,
      }
    }
    this.messages.set(id, m)
    this.total += m.content.eligibilityCount
    return { verdict: 'ACCEPT' }
  }

  /** The certificate once the collected seats reach the threshold. */
  certificate(): Certificate | undefined {
    if (this.total < certificateThreshold(this.ctx)) return undefined
    return { blockId: this.blockId, signatures: [...this.messages.values()] }
  }
}
