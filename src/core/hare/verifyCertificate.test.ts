import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { publicKeyFromSeed } from '../crypto/signing.ts'
import { createRng } from '../sim/createRng.ts'
import { CertificateCollector } from './CertificateCollector.ts'
import type { Certificate } from './certificateCodec.ts'
import { decodeCertificate, encodeCertificate, encodeCertifyMessage } from './certificateCodec.ts'
import { createCertifyMessage } from './createCertifyMessage.ts'
import { verifyCertificate } from './verifyCertificate.ts'

const seed = 99
const rng = createRng(seed)
const genesisId = new Uint8Array(20).fill(9)
const beacon = Uint8Array.of(9, 8, 7, 6)
const layer = 77
const committee = 60
const seeds = Array.from({ length: 12 }, () => rng.bytes(32))
const weights = new Map(seeds.map((s) => [bytesToHex(publicKeyFromSeed(s)), 10n]))
const totalWeight = 120n
const blockId = rng.bytes(20)
const ctx = { layer, beacon, genesisId, committee, weights, totalWeight }
const input = { layer, blockId, beacon, genesisId, committee, weight: 10n, totalWeight }
const messages = seeds.flatMap((s) => createCertifyMessage(s, input) ?? [])
const cert: Certificate = { blockId, signatures: messages }

const errorOf = (c: Certificate) => {
  const r = verifyCertificate(c, ctx)
  return r.ok ? 'ok' : r.error.code
}

describe('verifyCertificate', () => {
  it('accepts the committee signatures of an honest active set', () => {
    const r = verifyCertificate(cert, ctx)
    expect(r.ok, `seed ${seed}`).toBe(true)
    if (r.ok) expect(r.seats).toBe(messages.reduce((a, m) => a + m.content.eligibilityCount, 0))
    // round-trips through its codec
    expect(errorOf(decodeCertificate(encodeCertificate(cert)))).toBe('ok')
  })

  it('rejects a changed signature', () => {
    const bad = structuredClone(cert)
    bad.signatures[3]!.signature[10]! ^= 1
    expect(errorOf(bad)).toBe('BAD_SIGNATURE')
  })

  it('rejects a signer outside the active set', () => {
    const outsider = createCertifyMessage(rng.bytes(32), input)!
    expect(errorOf({ blockId, signatures: [...messages, outsider] })).toBe('NOT_ACTIVE')
  })

  it('rejects an inflated seat count, even when re-signed', () => {
    const s = seeds[0]!
    const inflated = createCertifyMessage(s, { ...input, committee: committee * 4 })!
    const rest = messages.filter((m) => bytesToHex(m.smesherId) !== bytesToHex(publicKeyFromSeed(s)))
    expect(errorOf({ blockId, signatures: [...rest, inflated] })).toBe('NOT_ELIGIBLE')
  })

  it('rejects a certificate below threshold', () => {
    expect(errorOf({ blockId, signatures: messages.slice(0, 3) })).toBe('BELOW_THRESHOLD')
  })

  it('rejects a certificate for another block or with a repeated signer', () => {
    expect(errorOf({ blockId: rng.bytes(20), signatures: messages })).toBe('WRONG_BLOCK')
    expect(errorOf({ blockId, signatures: [...messages, messages[0]!] })).toBe('DUPLICATE_SIGNER')
    expect(verifyCertificate(cert, { ...ctx, layer: layer + 1 }).ok).toBe(false)
    expect(verifyCertificate(cert, { ...ctx, beacon: Uint8Array.of(0, 0, 0, 0) }).ok).toBe(false)
  })
})

describe('CertificateCollector', () => {
  it('collects gossip until the threshold and yields a certificate that verifies', () => {
    const c = new CertificateCollector(ctx, blockId)
    expect(c.onMessage(rng.bytes(30))).toMatchObject({ verdict: 'REJECT', code: 'MALFORMED' })
    let cert: Certificate | undefined
    for (const m of messages) {
      expect(c.onMessage(encodeCertifyMessage(m))).toEqual({ verdict: 'ACCEPT' })
      cert ??= c.certificate()
    }
    expect(c.onMessage(encodeCertifyMessage(messages[0]!))).toMatchObject({ verdict: 'IGNORE' })
    expect(cert, `seed ${seed}`).toBeDefined()
    expect(verifyCertificate(cert!, ctx).ok).toBe(true)
    const other = createCertifyMessage(seeds[0]!, { ...input, blockId: rng.bytes(20) })
    if (other)
      expect(new CertificateCollector(ctx, blockId).add(other)).toMatchObject({ code: 'WRONG_BLOCK' })
  })
})
