import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { hash32 } from '../crypto/hash.ts'
import { createRng } from '../sim/createRng.ts'
import { applyBlock, type VmParams } from '../vm/applyBlock.ts'
import { createTestWallet, type TestSigner } from '../vm/createTestSigners.ts'
import { createVmState, getAccount, type VmState } from '../vm/VmState.ts'
import { TxPool } from './TxPool.ts'

const SEED = 0x5eed_0004
const rng = createRng(SEED)
const genesisId = rng.bytes(20)
const params: VmParams = {
  genesisId,
  blockGasLimit: 100_107_000n,
  subsidy: { kind: 'constant', perLayer: 1_000_000n },
}
const SMH = 1_000_000_000n
const SPEND_GAS = 36_090n

/** Genesis with `wallets` funded, then one block spawning them all. */
function spawnedState(wallets: TestSigner[], balance: bigint): VmState {
  const genesis = createVmState(wallets.map((w) => ({ address: w.address, balance, nextNonce: 0n })))
  const r = applyBlock(genesis, {
    layer: 1,
    txs: wallets.map((w) => w.spawn({ nonce: 0n })),
    rewards: [],
    params,
  })
  expect(r.results.every((x) => x.status === 'success')).toBe(true)
  return r.state
}

describe(`TxPool admission (seed ${SEED})`, () => {
  const alice = createTestWallet(rng, genesisId)
  const bob = createTestWallet(rng, genesisId)
  const carol = createTestWallet(rng, genesisId)
  const state = spawnedState([alice, bob], SMH)

  it('accepts a valid spend once and refuses each bad one with a typed reason and verdict', () => {
    const pool = new TxPool(state, { genesisId })
    const ok = alice.spend(bob.address, 5n, { nonce: 1n })
    expect(pool.admit(ok).verdict).toBe('ACCEPT')
    const tampered = alice.spend(bob.address, 6n, { nonce: 2n })
    tampered[tampered.length - 3]! ^= 4
    const cases: [Uint8Array, string, string][] = [
      [ok, 'DUPLICATE', 'IGNORE'],
      [Uint8Array.of(0, 9), 'MALFORMED', 'REJECT'],
      [tampered, 'BAD_SIGNATURE', 'REJECT'],
      [alice.spend(bob.address, 1n, { nonce: 0n }), 'NONCE_TOO_LOW', 'IGNORE'],
      [alice.spend(bob.address, 1n, { nonce: 1n }), 'NONCE_TAKEN', 'IGNORE'],
      [alice.spend(bob.address, 1n, { nonce: 2n, gasPrice: 0n }), 'ZERO_GAS_PRICE', 'REJECT'],
      [alice.spend(bob.address, SMH, { nonce: 2n }), 'INSUFFICIENT_FUNDS', 'IGNORE'],
      [carol.spend(alice.address, 1n, { nonce: 0n }), 'NOT_SPAWNED', 'IGNORE'],
    ]
    for (const [raw, code, verdict] of cases) {
      const r = pool.admit(raw)
      expect(r.verdict, code).toBe(verdict)
      if (r.verdict !== 'ACCEPT') expect(r.error.code).toBe(code)
    }
    expect(pool.size).toBe(1)
  })

  it('accounts for pending spending: the second tx must fit in what the first leaves', () => {
    const pool = new TxPool(state, { genesisId })
    const balance = getAccount(state, alice.address).balance
    const first = balance - SPEND_GAS - (SPEND_GAS + 10n) // leaves room for one more spend of 10
    expect(pool.admit(alice.spend(bob.address, first, { nonce: 1n })).verdict).toBe('ACCEPT')
    expect(pool.admit(alice.spend(bob.address, 11n, { nonce: 2n })).verdict).toBe('IGNORE')
    expect(pool.admit(alice.spend(bob.address, 10n, { nonce: 2n })).verdict).toBe('ACCEPT')
    expect(pool.nextNonce(alice.address)).toBe(3n)
  })

  it('replaces a pending nonce with a higher gas price and drops what that makes unaffordable', () => {
    const pool = new TxPool(state, { genesisId })
    const balance = getAccount(state, alice.address).balance
    const a1 = alice.spend(bob.address, 1n, { nonce: 1n })
    const a2 = alice.spend(bob.address, balance - 2n * SPEND_GAS - 1n, { nonce: 2n })
    expect(pool.admit(a1).verdict).toBe('ACCEPT')
    expect(pool.admit(a2).verdict).toBe('ACCEPT')
    const better = alice.spend(bob.address, 1n, { nonce: 1n, gasPrice: 2n })
    const r = pool.admit(better)
    expect(r.verdict).toBe('ACCEPT')
    if (r.verdict === 'ACCEPT') expect(r.replaced).toEqual(hash32(a1))
    expect(pool.pending(alice.address).map((p) => p.parsed.raw)).toEqual([better])
  })

  it('caps pending transactions per account', () => {
    const pool = new TxPool(state, { genesisId, maxPerAccount: 3 })
    for (let n = 1n; n <= 3n; n++)
      expect(pool.admit(alice.spend(bob.address, 1n, { nonce: n })).verdict).toBe('ACCEPT')
    const r = pool.admit(alice.spend(bob.address, 1n, { nonce: 4n }))
    expect(r.verdict === 'IGNORE' && r.error.code).toBe('ACCOUNT_FULL')
  })

  it('selects by nonce within an account, by gas price across, stops at gaps and the gas limit', () => {
    const pool = new TxPool(state, { genesisId })
    const txs = {
      a1: alice.spend(carol.address, 1n, { nonce: 1n, gasPrice: 1n }),
      a2: alice.spend(carol.address, 1n, { nonce: 2n, gasPrice: 5n }),
      a4: alice.spend(carol.address, 1n, { nonce: 4n, gasPrice: 9n }), // gap at 3
      b1: bob.spend(carol.address, 1n, { nonce: 1n, gasPrice: 3n }),
    }
    for (const raw of Object.values(txs)) expect(pool.admit(raw).verdict).toBe('ACCEPT')
    const name = (raw: Uint8Array) =>
      Object.entries(txs).find(([, v]) => bytesToHex(v) === bytesToHex(raw))![0]
    expect(pool.select(10n ** 9n).map(name)).toEqual(['b1', 'a1', 'a2'])
    expect(pool.select(SPEND_GAS * 2n).map(name)).toEqual(['b1', 'a1'])
    expect(pool.select(10n ** 9n, 1).map(name)).toEqual(['b1'])
  })

  it('drops executed and stale transactions after a block and re-checks balances', () => {
    const pool = new TxPool(state, { genesisId })
    const a1 = alice.spend(bob.address, 1n, { nonce: 1n })
    const a2 = alice.spend(bob.address, 1n, { nonce: 2n })
    const b1 = bob.spend(alice.address, getAccount(state, bob.address).balance - SPEND_GAS, { nonce: 1n })
    for (const raw of [a1, a2, b1]) expect(pool.admit(raw).verdict).toBe('ACCEPT')
    // A block from elsewhere: alice's nonce 1 applied, and bob drained by a competing tx.
    const competing = bob.spend(carol.address, 10n, { nonce: 1n, gasPrice: 1n })
    const r = applyBlock(state, { layer: 2, txs: [a1, competing], rewards: [], params })
    pool.onBlockApplied(r.state, r.results)
    expect(pool.has(r.results[0]!.id)).toBe(false)
    expect(pool.pending(alice.address).map((p) => p.parsed.raw)).toEqual([a2])
    expect(pool.pending(bob.address)).toEqual([]) // nonce 1 is now stale
    expect(pool.size).toBe(1)
  })
})
