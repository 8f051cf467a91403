import { describe, expect, it } from 'vitest'
import { runActivationSim } from './runActivationSim.ts'

describe('activation simulation (sim preset, real PoST and PoET)', () => {
  const seed = 20261127
  const smeshers = 5
  const epochs = 6
  const { world, ...result } = runActivationSim({ seed, smeshers, epochs })

  it('gives every honest smesher a valid ATX in every epoch and rejects none', () => {
    const ctx = `replay with seed ${seed}: ${JSON.stringify(result)}`
    expect(result.invalidAtxs, ctx).toBe(0)
    expect(result.missedEpochs, ctx).toBe(0)
    expect(result.chainGaps, ctx).toBe(0)
    expect(result.viewsAgree, ctx).toBe(true)
    expect(result.atxsPerEpoch.slice(1), ctx).toEqual(Array(epochs).fill(smeshers))
    for (const node of world.nodes) {
      const own = node.atxs.lastBySmesher(node.smesher.nodeId)
      expect(own?.publishEpoch, ctx).toBe(epochs)
      // One ATX per epoch from epoch 1, chained by sequence.
      expect(own?.sequence, ctx).toBe(BigInt(epochs - 1))
    }
  })

  it('grows tick heights by the PoET ticks each epoch (positioning on the highest ATX)', () => {
    const ctx = `replay with seed ${seed}`
    const view = world.nodes[0]!.atxs
    for (let e = 2; e <= epochs; e++) {
      let prevMax = 0n
      for (const h of view.inEpoch(e - 1)) if (h.tickHeight > prevMax) prevMax = h.tickHeight
      for (const h of view.inEpoch(e)) {
        expect(h.baseTickHeight, ctx).toBe(prevMax)
        expect(h.tickHeight, ctx).toBe(h.baseTickHeight + h.tickCount)
        expect(h.weight, ctx).toBe(BigInt(h.effectiveNumUnits) * h.tickCount)
      }
    }
  })

  it('replays exactly from the seed, and another seed gives other identities', () => {
    const small = { seed: 99, smeshers: 2, epochs: 2 }
    const { world: w1, ...a } = runActivationSim(small)
    const { world: w2, ...b } = runActivationSim(small)
    expect(b).toEqual(a)
    const ids = (w: typeof w1) => w.nodes[0]!.atxs.inEpoch(2).map((h) => h.id)
    expect(ids(w2)).toEqual(ids(w1))
    const { world: w3 } = runActivationSim({ ...small, seed: 100 })
    expect(ids(w3)).not.toEqual(ids(w1))
  })
})
