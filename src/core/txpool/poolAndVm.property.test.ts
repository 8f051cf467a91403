/**
 * Property: random traffic from a few wallets — valid spends, replays, stale nonces, tampered
 * signatures, overdrafts — goes through the mempool into blocks the VM applies. Every accepted
 * transaction is executed exactly once (or replaced / made stale first), blocks built by `select`
 * contain no ineffective transactions, and supply grows by exactly subsidy − burnt each layer.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { createRng } from '../sim/createRng.ts'
import { applyBlock, type VmParams } from '../vm/applyBlock.ts'
import { createTestWallet } from '../vm/createTestSigners.ts'
import { createVmState, getAccount, type VmState } from '../vm/VmState.ts'
import { TxPool } from './TxPool.ts'

const SMH = 1_000_000_000n

function supply(state: VmState): bigint {
  let s = 0n
  for (const a of state.accounts.values()) s += a.balance
  return s
}

function run(seed: number): void {
  const rng = createRng(seed)
  const genesisId = rng.bytes(20)
  const params: VmParams = {
    genesisId,
    blockGasLimit: 400_000n,
    subsidy: { kind: 'constant', perLayer: 777_777n },
  }
  const wallets = Array.from({ length: 5 }, () => createTestWallet(rng, genesisId))
  const coinbases = [rng.bytes(24), rng.bytes(24)].map((c) => c.fill(0, 0, 4))
  let state = createVmState(wallets.map((w) => ({ address: w.address, balance: SMH / 1000n, nextNonce: 0n })))
  const pool = new TxPool(state, { genesisId, blockGasLimit: params.blockGasLimit })
  const accepted = new Map<string, number>() // id → times executed
  const replaced = new Set<string>()
  let layer = 1
  const mine = () => {
    const txs = pool.select(params.blockGasLimit)
    const before = supply(state)
    const rewards = coinbases.map((coinbase, i) => ({ coinbase, weight: BigInt(1 + i + rng.nextInt(3)) }))
    const r = applyBlock(state, { layer: layer++, txs, rewards, params, isVerified: pool.isVerified })
    // Skipping verification of pool-checked txs changes nothing.
    expect(applyBlock(state, { layer: layer - 1, txs, rewards, params }).root).toEqual(r.root)
    for (const x of r.results) {
      expect(x.status, `seed ${seed}`).not.toBe('ineffective')
      const id = bytesToHex(x.id)
      expect(accepted.has(id), `seed ${seed}: executed an unaccepted tx`).toBe(true)
      accepted.set(id, accepted.get(id)! + 1)
    }
    expect(supply(r.state), `seed ${seed}`).toBe(before + 777_777n - r.burnt)
    state = r.state
    pool.onBlockApplied(state, r.results)
  }
  for (let step = 0; step < 45; step++) {
    const w = wallets[rng.nextInt(wallets.length)]!
    const account = getAccount(state, w.address)
    const roll = rng.nextInt(10)
    let raw: Uint8Array
    let tampered = false
    if (account.spawned === undefined) raw = w.spawn({ nonce: 0n, gasPrice: 1n + BigInt(rng.nextInt(3)) })
    else {
      const to = wallets[rng.nextInt(wallets.length)]!.address
      const nonce = roll === 0 ? pool.nextNonce(w.address) - 1n : pool.nextNonce(w.address)
      const amount = roll === 1 ? SMH : BigInt(rng.nextInt(100_000))
      raw = w.spend(to, amount, { nonce, gasPrice: 1n + BigInt(rng.nextInt(3)) })
      if (roll === 2) {
        raw[raw.length - 1]! ^= 1
        tampered = true
      }
    }
    const r = pool.admit(raw)
    if (r.verdict === 'ACCEPT') {
      accepted.set(bytesToHex(r.id), 0)
      if (r.replaced !== undefined) replaced.add(bytesToHex(r.replaced))
    } else {
      expect(tampered && r.verdict).not.toBe('IGNORE')
      expect(r.error.code, `seed ${seed}`).toMatch(/^[A-Z_]+$/)
      if (tampered) expect(r.error.code).toBe('BAD_SIGNATURE')
    }
    if (roll === 3) pool.admit(raw) // a replay is refused or harmless
    if (step % 7 === 6) mine()
  }
  for (let i = 0; i < 40 && pool.size > 0; i++) mine()
  expect(pool.size, `seed ${seed}`).toBe(0)
  expect(accepted.size, `seed ${seed}: too few accepted to mean anything`).toBeGreaterThan(15)
  for (const [id, times] of accepted) {
    if (replaced.has(id)) expect(times, `seed ${seed}`).toBeLessThanOrEqual(1)
    else expect(times, `seed ${seed} tx ${id}`).toBe(1)
  }
}

describe('mempool + VM property', () => {
  for (const seed of [1, 2, 3, 4])
    it(`every accepted tx is applied exactly once (seed ${seed})`, () => run(seed))
})
