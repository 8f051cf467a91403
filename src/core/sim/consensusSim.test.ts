/**
 * The consensus simulation with a byzantine minority and transactions flowing (issue 5, "Done
 * means"): honest nodes agree on every layer's block and state root, every accepted tx is
 * applied exactly once, every honest smesher with an ATX is rewarded in its epoch, equivocators
 * are detected and invalid messages rejected, and a Hare certificate verifies against the ATX
 * set while a tampered one does not.
 *
 * Unit-test size (7 smeshers, 2 byzantine, 3 epochs = 2 consensus epochs) so it stays fast on a
 * loaded machine; the full size is
 *   npx tsx server/cli.ts sim --smeshers 26 --byzantine 6 --epochs 10 --txs 200 --seed 1 --json
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { verifyCertificate } from '../hare/verifyCertificate.ts'
import { runConsensusSim } from './runConsensusSim.ts'

const seed = 7
const { world, ...r } = runConsensusSim({
  seed,
  smeshers: 7,
  epochs: 3,
  byzantine: 2,
  behaviours: ['equivocate', 'invalid'],
  txs: 40,
})
const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
const honest = world.nodes.filter((n) => n.o.behaviour === 'honest')

describe('consensus simulation, honest majority', () => {
  it('keeps every honest node on the same block and state root for every layer', () => {
    expect(r.byzantineWeight, ctx).toBeLessThan(1 / 3)
    // Layers 16 (epoch 2) .. 31 (end of epoch 3); the nodes ran on through epoch 4.
    expect(r.layers, ctx).toBe(16)
    expect(r.honestAgree, ctx).toBe(true)
    expect(r.emptyLayers, ctx).toBeLessThan(r.layers / 2)
    const roots = new Set(honest.map((n) => n.ledger.layers.find((l) => l.layer === 20)?.root.join()))
    expect(roots.size, ctx).toBe(1)
  })

  it('runs the beacon protocol for the second consensus epoch, with one result at every honest node', () => {
    expect(r.protocolBeacons, ctx).toBe(1)
    expect(r.beaconsAgree, ctx).toBe(true)
  })

  it('applies every accepted tx exactly once', () => {
    expect(r.txsAccepted, ctx).toBe(40)
    expect(r.txsAppliedTwice, ctx).toBe(0)
    expect(r.txsNeverApplied, ctx).toBe(0)
    expect(r.txsApplied, ctx).toBe(r.txsAccepted)
  })

  it('rewards every honest smesher with an ATX in each consensus epoch', () => {
    expect(r.honestUnrewarded, ctx).toEqual([0, 0])
    for (const n of r.rewardedSmeshers) expect(n, ctx).toBeGreaterThanOrEqual(honest.length)
  })

  it('detects the equivocator and rejects the corrupted messages', () => {
    const index = world.nodes.findIndex((n) => n.o.behaviour === 'equivocate')
    const equivocator = world.smeshers[index]!.smesher.nodeId
    for (const n of honest) expect(n.malicious.has(bytesToHex(equivocator)), ctx).toBe(true)
    const invalid = Object.entries(r.rejected).filter(
      ([k]) => k.includes('SIGNATURE') || k.includes('INVALID'),
    )
    expect(invalid.length, ctx).toBeGreaterThan(0)
  })

  it('certifies blocks: a certificate verifies against the ATX set, a tampered one does not', () => {
    const node = honest[0]!
    expect(node.certificates.size, ctx).toBeGreaterThan(r.layers / 2)
    const [layer, cert] = [...node.certificates][0]!
    const c = node.certificateContext(layer)
    expect(verifyCertificate(cert, c).ok, ctx).toBe(true)
    const otherBlock = cert.blockId.slice()
    otherBlock[0]! ^= 1
    const wrongBlock = verifyCertificate({ ...cert, blockId: otherBlock }, c)
    expect(wrongBlock.ok ? 'ok' : wrongBlock.error.code, ctx).toBe('WRONG_BLOCK')
    const forged = cert.signatures.map((m, i) =>
      i === 0 ? { ...m, content: { ...m.content, eligibilityCount: m.content.eligibilityCount + 5 } } : m,
    )
    const bad = verifyCertificate({ ...cert, signatures: forged }, c)
    expect(bad.ok ? 'ok' : bad.error.code, ctx).toBe('BAD_SIGNATURE')
    const outsider = new Map(c.weights)
    outsider.delete(bytesToHex(cert.signatures[0]!.smesherId))
    const notActive = verifyCertificate(cert, { ...c, weights: outsider })
    expect(notActive.ok ? 'ok' : notActive.error.code, ctx).toBe('NOT_ACTIVE')
  })
})
