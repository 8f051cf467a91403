/**
 * The consensus simulation at the size of issue 5's "Done means": 20 honest and 6 byzantine
 * smeshers of equal weight (equivocate, silent, invalid, against, equivocate, silent) over 10
 * epochs of the sim preset with 200 transactions. Honest nodes agree on every layer's block and
 * state root, every accepted tx is applied exactly once, every honest smesher with an ATX is
 * rewarded in its epoch, equivocators are detected and invalid messages rejected, and a Hare
 * certificate verifies against the ATX set while a tampered one does not. About 80 s here on the
 * curve.wasm kernel (the vitest setup installs it); the same run is
 *   npx tsx server/cli.ts sim --smeshers 26 --byzantine 6 --epochs 10 --txs 200 --seed 1 --json
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { verifyCertificate } from '../hare/verifyCertificate.ts'
import { runConsensusSim } from './runConsensusSim.ts'

const seed = 1
const epochs = 10
const { world, ...r } = runConsensusSim({ seed, smeshers: 26, epochs, byzantine: 6, txs: 200 })
const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
const honest = world.nodes.filter((n) => n.o.behaviour === 'honest')

describe('consensus simulation, honest majority', () => {
  it('keeps every honest node on the same block and state root for every layer', () => {
    expect(r.byzantineWeight, ctx).toBeLessThan(1 / 3)
    // Layers 16 (epoch 2) .. 87 (end of epoch 10); the nodes ran on through epoch 11.
    expect(r.layers, ctx).toBe(8 * (epochs - 1))
    expect(r.honestAgree, ctx).toBe(true)
    expect(r.emptyLayers, ctx).toBeLessThan(r.layers / 2)
    const roots = new Set(honest.map((n) => n.ledger.layers.find((l) => l.layer === 20)?.root.join()))
    expect(roots.size, ctx).toBe(1)
  })

  it('runs the beacon protocol for every consensus epoch after the first, with one result at every honest node', () => {
    expect(r.protocolBeacons, ctx).toBe(epochs - 2)
    expect(r.beaconsAgree, ctx).toBe(true)
  })

  it('applies every accepted tx exactly once', () => {
    expect(r.txsAccepted, ctx).toBe(200)
    expect(r.txsAppliedTwice, ctx).toBe(0)
    expect(r.txsNeverApplied, ctx).toBe(0)
    expect(r.txsApplied, ctx).toBe(r.txsAccepted)
  })

  it('rewards every honest smesher with an ATX in each consensus epoch', () => {
    expect(r.honestUnrewarded, ctx).toEqual(Array(epochs - 1).fill(0))
    for (const n of r.rewardedSmeshers) expect(n, ctx).toBeGreaterThanOrEqual(honest.length)
  })

  it('detects the equivocators and rejects the corrupted messages', () => {
    const equivocators = world.nodes.flatMap((n, i) => (n.o.behaviour === 'equivocate' ? [i] : []))
    expect(equivocators.length, ctx).toBe(2)
    for (const i of equivocators) {
      const id = bytesToHex(world.smeshers[i]!.smesher.nodeId)
      for (const n of honest) expect(n.malicious.has(id), ctx).toBe(true)
    }
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
