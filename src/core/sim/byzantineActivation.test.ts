/**
 * Scenarios through the simulator's extension points: a byzantine smesher that equivocates by
 * publishing two ATXs in one epoch (an `outgoing` network hook re-signs a twin), and a partition
 * that cuts one smesher off the gossip for an epoch (a `link` hook).
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { activationTxV1Codec, encodeAtx } from '../activation/atxCodec.ts'
import { signAtx } from '../activation/signAtx.ts'
import { decode } from '../codec/index.ts'
import { runActivationSim } from './runActivationSim.ts'
import { SimTopic } from './SimActor.ts'
import type { SimSmesherNode } from './SimSmesherNode.ts'

describe('activation simulation under attack', () => {
  it('convicts a smesher that publishes two ATXs in one epoch, and honest chains stay whole', () => {
    const seed = 31
    let byzantine: SimSmesherNode | undefined
    const { world, ...r } = runActivationSim({
      seed,
      smeshers: 4,
      epochs: 3,
      setup: (w) => {
        byzantine = w.nodes[0]
      },
      hooks: {
        outgoing(from, m) {
          if (from !== byzantine?.id || m.topic !== SimTopic.ATX) return [m]
          const atx = decode(activationTxV1Codec, m.data)
          if (atx.inner.challenge.publishEpoch !== 2) return [m]
          const { seed: key, genesisId } = byzantine.smesher.config
          const twin = signAtx(key, genesisId, { ...atx.inner, coinbase: new Uint8Array(24).fill(0xee) })
          return [m, { topic: SimTopic.ATX, data: encodeAtx(twin) }]
        },
      },
    })
    const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
    const bad = bytesToHex(byzantine!.smesher.nodeId)
    // Every other node saw both ATXs: the second one is a DOUBLE_PUBLISH and its proof convicts.
    expect(r.invalidByCode.DOUBLE_PUBLISH, ctx).toBe(3)
    for (const node of world.nodes) expect(node.malicious.has(bad), ctx).toBe(true)
    for (const node of world.nodes.slice(1)) {
      for (let e = 1; e <= 3; e++) {
        for (const honest of world.nodes.slice(1)) {
          expect(node.atxs.bySmesherInEpoch(honest.smesher.nodeId, e), ctx).toBeDefined()
        }
      }
      // Honest positioning never builds on the convicted identity after the proof.
      for (const h of node.atxs.inEpoch(3)) {
        const pos = node.atxs.get(h.positioningAtxId)
        expect(pos === undefined || bytesToHex(pos.smesherId) !== bad, ctx).toBe(true)
      }
    }
  })

  it('a smesher cut off from gossip for an epoch keeps its chain; only its view has the hole', () => {
    const seed = 32
    const epochMs = 8_000
    let world0 = { now: 0 }
    const { world, ...r } = runActivationSim({
      seed,
      smeshers: 3,
      epochs: 4,
      hooks: {
        // smesher-2 hears nothing during epoch 2, so it lacks the ATXs that epoch carries.
        link: (_from, to) => !(to === 'smesher-2' && world0.now >= 2 * epochMs && world0.now < 3 * epochMs),
      },
      setup: (w) => {
        world0 = w.scheduler
      },
    })
    const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
    expect(r.invalidAtxs, ctx).toBe(0)
    // The others keep a full view, including the cut-off smesher's chain (its own sends still go out).
    expect(r.atxsPerEpoch.slice(1), ctx).toEqual([3, 3, 3, 3])
    expect(r.chainGaps, ctx).toBe(0)
    // Its own view of epoch 2 is empty: the PoET proof gossip was cut too, so even its own ATX waits
    // for that dependency (IGNORE, not invalid), as do later ATXs that build on epoch 2, until sync
    // exists to fetch them.
    const cut = world.nodes[2]!
    expect(cut.atxs.inEpoch(2), ctx).toEqual([])
    expect(cut.atxs.inEpoch(1).length, ctx).toBe(3)
    expect(cut.atxs.size, ctx).toBeLessThan(world.nodes[0]!.atxs.size)
  })
})
