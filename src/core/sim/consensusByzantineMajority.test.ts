/**
 * Beyond the fault bound: byzantine weight above 1/3. What breaks first is liveness: Hare needs
 * committee/2 + 1 seats, so silent adversaries between 1/3 and 1/2 of the weight make some layers
 * miss the threshold (no output, no certificate, an empty layer), and above 1/2 every layer. Safety
 * and integrity hold in both: no honest node throws, the honest nodes agree on every layer, no tx
 * is applied twice, and with nothing decided the state stays the genesis state.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { runConsensusSim } from './runConsensusSim.ts'

describe('consensus simulation beyond 1/3 byzantine weight', () => {
  it('silent weight between 1/3 and 1/2: some layers lose their Hare output, honest nodes still agree', () => {
    const seed = 3
    const { world, ...r } = runConsensusSim({
      seed,
      smeshers: 5,
      epochs: 2,
      byzantine: 3,
      behaviours: ['silent'],
      txs: 10,
    })
    const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
    expect(r.byzantineWeight, ctx).toBeGreaterThan(1 / 3)
    expect(r.byzantineWeight, ctx).toBeLessThan(1 / 2)
    expect(r.hareFailed, ctx).toBeGreaterThan(0)
    expect(r.emptyLayers, ctx).toBeGreaterThan(0)
    expect(r.certifiedLayers, ctx).toBeLessThan(r.layers)
    expect(r.honestAgree, ctx).toBe(true)
    expect(r.txsAppliedTwice, ctx).toBe(0)
    expect(world.nodes.filter((n) => n.o.behaviour === 'honest').length, ctx).toBe(2)
  })

  it('silent weight above 1/2: no layer is decided with a block, the state stays genesis', () => {
    const seed = 3
    const { world, ...r } = runConsensusSim({
      seed,
      smeshers: 4,
      epochs: 2,
      byzantine: 3,
      behaviours: ['silent'],
      txs: 10,
    })
    const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
    expect(r.byzantineWeight, ctx).toBeGreaterThan(1 / 2)
    expect(r.layers, ctx).toBeGreaterThan(0)
    expect(r.emptyLayers, ctx).toBe(r.layers)
    expect(r.certifiedLayers, ctx).toBe(0)
    expect(r.txsApplied, ctx).toBe(0)
    const node = world.nodes[0]!
    expect(node.ledger.layers.length, ctx).toBeGreaterThanOrEqual(r.layers)
    expect(bytesToHex(node.ledger.state.root), ctx).toBe(bytesToHex(node.ledger.genesis.root))
  })
})
