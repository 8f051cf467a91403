import { describe, expect, it } from 'vitest'
import { ABSTAIN, type BlockHeader, computeOpinionHash, type LayerOpinion } from './computeOpinionHash.ts'

const id = (first: number) => {
  const b = new Uint8Array(20)
  b[0] = first
  return b
}
const support = (...blocks: BlockHeader[]): LayerOpinion => ({ abstain: false, support: blocks })
const against = support()
const short = (h: Uint8Array) => Array.from(h.subarray(0, 5), (x) => x.toString(16).padStart(2, '0')).join('')
const chain = (seq: LayerOpinion[]) => {
  let prev: Uint8Array | undefined
  for (const o of seq) prev = computeOpinionHash(prev, o)
  return short(prev!)
}

// go-spacemesh tortoise/opinionhash/opinion_hash_test.go (go-spacemesh.md §8 item 10).
describe('computeOpinionHash', () => {
  it('matches the go-spacemesh opinion-hash vectors', () => {
    expect(chain([support({ id: id(1), height: 10n })])).toBe('9792d675f9')
    expect(chain([support({ id: id(1), height: 100n })])).toBe('fdae510822')
    expect(chain([support({ id: id(1), height: 100n }, { id: id(2), height: 100n })])).toBe('c0d65bb2f6')
    expect(chain([against])).toBe('af1349b9f5')
    expect(chain([ABSTAIN])).toBe('2d3adedff1')
    expect(chain([ABSTAIN, ABSTAIN])).toBe('58716d2acc')
    expect(chain([against, against])).toBe('82878ed8a4')
    expect(chain([support({ id: id(1), height: 100n }), support({ id: id(2), height: 100n })])).toBe(
      '88f75279f7',
    )
    expect(chain([support({ id: id(1), height: 100n }), against])).toBe('ae4b107c66')
  })

  it('does not depend on the order supported blocks are listed in', () => {
    const a = { id: id(1), height: 100n }
    const b = { id: id(2), height: 50n }
    expect(computeOpinionHash(undefined, support(a, b))).toEqual(computeOpinionHash(undefined, support(b, a)))
  })
})
