/**
 * validateAtx on adversarial input never throws: whatever the bytes or field values (re-signed
 * so that the deep checks run), the answer is a verdict. A throw would let one gossip message
 * crash a node's handler.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { runActivationSim } from '../sim/runActivationSim.ts'
import type { SimSmesherNode } from '../sim/SimSmesherNode.ts'
import { type ActivationTxV1, encodeAtx } from './atxCodec.ts'
import { signAtx } from './signAtx.ts'
import { validateAtx } from './validateAtx.ts'

let node: SimSmesherNode
let atxs: ActivationTxV1[]

beforeAll(() => {
  atxs = []
  const run = runActivationSim({
    seed: 11,
    smeshers: 2,
    epochs: 2,
    observer: { atxPublished: (_n, atx) => atxs.push(atx) },
  })
  node = run.world.nodes[0]!
}, 120_000)

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 })

describe('validateAtx on adversarial input', () => {
  it('returns a verdict for re-signed ATXs with arbitrary field values', () => {
    fc.assert(
      fc.property(
        fc.nat(atxs.length - 1),
        fc.record({
          numUnits: fc.option(u32, { nil: undefined }),
          labelsPerUnit: fc.option(u64, { nil: undefined }),
          vrfNonce: fc.option(u64, { nil: undefined }),
          leafIndex: fc.option(u64, { nil: undefined }),
          nonce: fc.option(u32, { nil: undefined }),
          pow: fc.option(u64, { nil: undefined }),
          indices: fc.option(fc.uint8Array({ maxLength: 800 }), { nil: undefined }),
          sequence: fc.option(u64, { nil: undefined }),
          publishEpoch: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        }),
        (i, m) => {
          const atx = structuredClone(atxs[i]!)
          const inner = atx.inner
          const n = inner.nipost!
          if (m.numUnits !== undefined) inner.numUnits = m.numUnits
          if (m.labelsPerUnit !== undefined) n.postMetadata!.labelsPerUnit = m.labelsPerUnit
          if (m.vrfNonce !== undefined) inner.vrfNonce = m.vrfNonce
          if (m.leafIndex !== undefined) n.membership.leafIndex = m.leafIndex
          if (m.nonce !== undefined) n.post!.nonce = m.nonce
          if (m.pow !== undefined) n.post!.pow = m.pow
          if (m.indices !== undefined) n.post!.indices = m.indices
          if (m.sequence !== undefined) inner.challenge.sequence = m.sequence
          if (m.publishEpoch !== undefined) inner.challenge.publishEpoch = m.publishEpoch
          const signed = signAtx(node.smesher.config.seed, node.smesher.config.genesisId, inner)
          const r = validateAtx({ ...node.validationParameters(encodeAtx(signed)), atxs: node.atxs })
          expect(['ACCEPT', 'IGNORE', 'REJECT']).toContain(r.verdict)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('returns a verdict for mutated bytes', () => {
    const bytes = encodeAtx(atxs.at(-1)!)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        (edits) => {
          const b = bytes.slice()
          for (const [at, v] of edits) b[at] = v
          const r = validateAtx(node.validationParameters(b))
          expect(['ACCEPT', 'IGNORE', 'REJECT']).toContain(r.verdict)
        },
      ),
      { numRuns: 300 },
    )
  })
})
