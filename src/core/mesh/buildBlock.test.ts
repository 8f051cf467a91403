import { describe, expect, it } from 'vitest'
import { createRng } from '../sim/createRng.ts'
import { type BlockProposalInput, buildBlock } from './buildBlock.ts'
import { type BlockTxCandidate, selectBlockTransactions } from './selectBlockTransactions.ts'

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!, (x) => Number.parseInt(x, 16))
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

describe('selectBlockTransactions', () => {
  it('reproduces go-spacemesh Test_getBlockTXs_expected_order (MT19937-64 + Go Shuffle)', () => {
    const ids = [
      '9e8963dbd7566c06e007f0dab910168aab24d1ae9789cb896d2fb24778fc6002',
      '9a96ccb0ca208ac91e0a0a92f7c6208f83a13a649582b695a56f9c981e39b619',
      '98f095630e631fd0057304443ebd24798d58d95fa5394f9eecbf75d9a4fa6e29',
      '8ec40d3c67bb73595f61912348a48d038a60aeead84ecb1d5e5d2476071a8b73',
      '83f3bb7d51c874fbf2541f69e52e09b810364cf329e55b0f328d072ca465efa9',
      'c3c9b8af8a3d0966dfeeef69d15202e17898d9c2f26e6783c948e59428231252',
      '08ea037ab3400a575f7d7911a8c7cdc2175c008ea7a98ee24f14611ee5e5339f',
      '8058885d69129db2757b3d5b3fb214d9aaf5640474486ae71cb8a79752474d7b',
      'db6d9aad9dafcb11d1da1c9156caeb5329f6430f6df2b0287b0afb08e0f7c4c4',
      '1c8e203412e9eb00173870dc62f25b9c142ea0c64d7831ac236aab8c94a76865',
    ]
    // One account per tx, nonce i, as in the upstream test; principals only need to differ.
    const txs: BlockTxCandidate[] = ids.map((id, i) => ({
      id: fromHex(id),
      principal: new Uint8Array(24).fill(i + 1),
      nonce: BigInt(i),
      maxGas: 100n,
      gasPrice: 10n,
      maxSpend: 1000n,
    }))
    const seed = new TextEncoder().encode(`block seed ${'101'.padStart(21, ' ')}`)
    const order = selectBlockTransactions(txs, seed, 0n).map((id) => hex(id).slice(0, 8))
    expect(order).toEqual([
      '08ea037a',
      '8058885d',
      'c3c9b8af',
      '1c8e2034',
      '98f09563',
      '9a96ccb0',
      '9e8963db',
      '8ec40d3c',
      '83f3bb7d',
      'db6d9aad',
    ])
  })

  it('keeps nonce order per account, picks the higher fee per nonce, and prunes to the gas limit', () => {
    const principal = new Uint8Array(24).fill(9)
    const tx = (id: number, nonce: bigint, gasPrice: bigint): BlockTxCandidate => ({
      id: new Uint8Array(32).fill(id),
      principal,
      nonce,
      maxGas: 10n,
      gasPrice,
      maxSpend: 0n,
    })
    const txs = [tx(5, 2n, 1n), tx(1, 0n, 1n), tx(7, 1n, 1n), tx(3, 1n, 2n)]
    const seed = new Uint8Array(32).fill(4)
    const all = selectBlockTransactions(txs, seed, 0n).map((id) => id[0])
    expect(all).toEqual([1, 3, 5]) // nonce 0, the better nonce-1 tx (fee 20 over 10), nonce 2
    expect(selectBlockTransactions(txs, seed, 20n).map((id) => id[0])).toEqual([1, 3])
    // go-spacemesh subtracts MaxGas in uint64: 15 − 10 − 10 wraps, so the third tx passes too.
    expect(selectBlockTransactions(txs, seed, 15n).map((id) => id[0])).toEqual([1, 3, 5])
  })
})

function randomProposals(seed: number, n: number) {
  const rng = createRng(seed)
  const txs = new Map<string, Omit<BlockTxCandidate, 'id'>>()
  const txIds: Uint8Array[] = []
  for (let i = 0; i < 40; i++) {
    const id = rng.bytes(32)
    txIds.push(id)
    const principal = new Uint8Array(24).fill(rng.nextInt(6))
    txs.set(hex(id), {
      principal,
      nonce: BigInt(rng.nextInt(5)),
      maxGas: 50n,
      gasPrice: BigInt(1 + rng.nextInt(3)),
      maxSpend: 7n,
    })
  }
  const proposals: BlockProposalInput[] = []
  for (let i = 0; i < n; i++) {
    proposals.push({
      id: rng.bytes(20),
      atxId: rng.bytes(32),
      atxBaseHeight: BigInt(rng.nextInt(1000)),
      atxWeight: BigInt(1 + rng.nextInt(1 << 20)),
      eligibilityCount: 1 + rng.nextInt(20),
      proofs: 1 + rng.nextInt(3),
      txIds: Array.from({ length: 10 }, () => txIds[rng.nextInt(txIds.length)]!),
    })
  }
  return { proposals, getTx: (id: Uint8Array) => txs.get(hex(id)), rng }
}

describe('buildBlock', () => {
  it('is deterministic and independent of the order proposals arrive in', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { proposals, getTx, rng } = randomProposals(seed, 6)
      const first = buildBlock({ layer: 12, proposals, getTx, gasLimit: 400n })
      const shuffled = [...proposals]
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1)
        ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
      }
      const second = buildBlock({ layer: 12, proposals: shuffled, getTx, gasLimit: 400n })
      expect(first.ok && second.ok, `seed ${seed}`).toBe(true)
      if (!first.ok || !second.ok || first.block === undefined || second.block === undefined)
        throw new Error('no block')
      expect(hex(second.id), `seed ${seed}`).toBe(hex(first.id))
      expect(first.block.txIds.length, `seed ${seed}`).toBe(8) // 400 gas / 50 per tx
      const heights = proposals.map((p) => p.atxBaseHeight).sort((a, b) => (a < b ? 1 : -1))
      expect(first.block.tickHeight).toBe(heights[0])
    }
  })

  it('rewards each ATX weight × proofs / eligibility count, reduced and sorted by ATX id', () => {
    const p = (atx: number, weight: bigint, count: number, proofs: number): BlockProposalInput => ({
      id: new Uint8Array(20).fill(atx),
      atxId: new Uint8Array(32).fill(atx),
      atxBaseHeight: 0n,
      atxWeight: weight,
      eligibilityCount: count,
      proofs,
      txIds: [],
    })
    const r = buildBlock({
      layer: 3,
      proposals: [p(9, 100n, 8, 2), p(2, 30n, 4, 1)],
      getTx: () => undefined,
      gasLimit: 0n,
    })
    if (!r.ok || r.block === undefined) throw new Error('no block')
    expect(r.block.rewards.map((x) => [x.atxId[0], x.weight.num, x.weight.denom])).toEqual([
      [2, 15n, 2n],
      [9, 25n, 1n],
    ])
    expect(r.block.txIds).toEqual([])
    const dup = buildBlock({
      layer: 3,
      proposals: [p(9, 1n, 1, 1), { ...p(9, 1n, 1, 1), id: new Uint8Array(20) }],
      getTx: () => undefined,
      gasLimit: 0n,
    })
    expect(dup).toMatchObject({ ok: false, code: 'DUPLICATE_ATX' })
  })

  it('gives no block for an empty Hare output and reports a missing tx', () => {
    expect(buildBlock({ layer: 3, proposals: [], getTx: () => undefined, gasLimit: 0n })).toEqual({
      ok: true,
      block: undefined,
      id: undefined,
    })
    const { proposals } = randomProposals(9, 1)
    expect(buildBlock({ layer: 3, proposals, getTx: () => undefined, gasLimit: 0n })).toMatchObject({
      ok: false,
      code: 'MISSING_TX',
    })
  })
})
