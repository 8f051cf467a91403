/**
 * Block certificates in the simulator (go-spacemesh `blocks/certifier.go`): once Hare produced a
 * block, an identity holding certifier seats signs it (createCertifyMessage); valid certify
 * messages for the node's own Hare block are collected until their seats reach committee/2 + 1,
 * which makes the certificate a light client checks with verifyCertificate.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import {
  type Certificate,
  type CertifyMessage,
  decodeCertifyMessage,
  encodeCertifyMessage,
} from '../hare/certificateCodec.ts'
import { createCertifyMessage } from '../hare/createCertifyMessage.ts'
import {
  type CertificateContext,
  certificateThreshold,
  verifyCertifyMessage,
} from '../hare/verifyCertificate.ts'
import type { SimEpochView } from './buildSimEpochView.ts'
import type { SimConsensusShared } from './SimConsensusShared.ts'

interface Pending {
  readonly blockId: string
  readonly msgs: CertifyMessage[]
  seats: number
  readonly signers: Set<string>
}

export class SimCertifier {
  readonly certificates = new Map<number, Certificate>()
  private readonly pending = new Map<number, Pending>()

  constructor(
    private readonly genesisId: Uint8Array,
    private readonly committee: number,
    private readonly shared: SimConsensusShared,
  ) {}

  context(layer: number, view: SimEpochView): CertificateContext {
    return {
      layer,
      beacon: view.beacon,
      genesisId: this.genesisId,
      committee: this.committee,
      weights: view.weights,
      totalWeight: view.totalWeight,
    }
  }

  /** The encoded certify message of `seed` for the block, or undefined without a seat. */
  sign(seed: Uint8Array, layer: number, blockId: Uint8Array, view: SimEpochView): Uint8Array | undefined {
    if (view.own === undefined) return undefined
    const m = createCertifyMessage(seed, {
      layer,
      blockId,
      beacon: view.beacon,
      genesisId: this.genesisId,
      committee: this.committee,
      weight: view.own.atx.weight,
      totalWeight: view.totalWeight,
    })
    return m === undefined ? undefined : encodeCertifyMessage(m)
  }

  /**
   * Takes a gossiped certify message; returns an error code when it is malformed or invalid.
   * `hareBlock` is the node's own Hare block of that layer: only messages for it are collected.
   */
  receive(
    data: Uint8Array,
    viewOf: (layer: number) => SimEpochView | undefined,
    hareBlock: (layer: number) => string | undefined,
  ): string | undefined {
    let m: CertifyMessage
    try {
      m = decodeCertifyMessage(data)
    } catch {
      return 'CERTIFY_MALFORMED'
    }
    const layer = m.content.layer
    const view = viewOf(layer)
    if (view === undefined || this.certificates.has(layer)) return undefined
    const ctx = this.context(layer, view)
    const key = `${hex(hash32(data))}:${view.contextKey}`
    let ok = this.shared.certifyVerdicts.get(key)
    if (ok === undefined) {
      ok = verifyCertifyMessage(m, m.content.blockId, ctx) === undefined
      this.shared.certifyVerdicts.set(key, ok)
    }
    if (!ok) return 'CERTIFY_INVALID'
    const blockHex = hex(m.content.blockId)
    if (hareBlock(layer) !== blockHex) return undefined
    let c = this.pending.get(layer)
    if (c === undefined || c.blockId !== blockHex) {
      c = { blockId: blockHex, msgs: [], seats: 0, signers: new Set() }
      this.pending.set(layer, c)
    }
    const signer = hex(m.smesherId)
    if (c.signers.has(signer)) return undefined
    c.signers.add(signer)
    c.msgs.push(m)
    c.seats += m.content.eligibilityCount
    if (c.seats >= certificateThreshold(ctx)) {
      this.certificates.set(layer, { blockId: m.content.blockId, signatures: c.msgs })
      this.pending.delete(layer)
    }
    return undefined
  }
}
