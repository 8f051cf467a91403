import { describe, expect, it } from 'vitest'
import { createRng } from '../sim/createRng.ts'
import { applyBlock, type VmParams } from './applyBlock.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import { computeVestedAmount } from './computeVestedAmount.ts'
import { createTestMultiSig, createTestWallet, drainVaultTx, spawnVaultTx } from './createTestSigners.ts'
import { createVmState, getAccount, type VmState } from './VmState.ts'

const SEED = 0x5eed_0002
const rng = createRng(SEED)
const genesisId = rng.bytes(20)
const params: VmParams = {
  genesisId,
  blockGasLimit: 100_107_000n,
  subsidy: { kind: 'constant', perLayer: 0n },
}
const SMH = 1_000_000_000n

describe(`vesting and vault (seed ${SEED})`, () => {
  const owner = createTestMultiSig(rng, genesisId, 'vesting', 1, 2)
  const stranger = createTestMultiSig(rng, genesisId, 'vesting', 1, 1)
  const dest = createTestWallet(rng, genesisId).address
  const schedule = {
    owner: owner.address,
    totalAmount: 1000n * SMH,
    initialUnlockAmount: 250n * SMH,
    vestingStart: 10,
    vestingEnd: 20,
  }
  const vault = spawnPrincipal({ template: 'vault', method: 'spawn', args: schedule })

  // Genesis as on mainnet: the vault address is funded before anyone spawns it.
  function spawnAll(): VmState {
    const genesis = createVmState([
      { address: owner.address, balance: SMH, nextNonce: 0n },
      { address: stranger.address, balance: SMH, nextNonce: 0n },
      { address: vault, balance: schedule.totalAmount, nextNonce: 0n },
    ])
    const r = applyBlock(genesis, {
      layer: 1,
      txs: [
        owner.spawn({ nonce: 0n }),
        stranger.spawn({ nonce: 0n }),
        spawnVaultTx(owner, schedule, { nonce: 1n }),
      ],
      rewards: [],
      params,
    })
    expect(r.results.map((x) => x.error?.code ?? x.status)).toEqual(['success', 'success', 'success'])
    expect(getAccount(r.state, vault).spawned).toEqual({ template: 'vault', args: schedule })
    return r.state
  }

  it('vests linearly between start and end', () => {
    expect(computeVestedAmount(schedule, 9)).toBe(0n)
    expect(computeVestedAmount(schedule, 10)).toBe(0n)
    expect(computeVestedAmount(schedule, 13)).toBe(300n * SMH)
    expect(computeVestedAmount(schedule, 20)).toBe(schedule.totalAmount)
    expect(computeVestedAmount({ ...schedule, totalAmount: 7n }, 13)).toBe(2n) // ⌊7 × 3 / 10⌋
  })

  it('drains what has vested and no more', () => {
    const state = spawnAll()
    const block = (layer: number, txs: Uint8Array[]) => applyBlock(state, { layer, txs, rewards: [], params })
    // Before the start nothing is available.
    expect(block(5, [drainVaultTx(owner, vault, dest, 1n, { nonce: 2n })]).results[0]!.error?.code).toBe(
      'AMOUNT_NOT_AVAILABLE',
    )
    // At layer 15 half has vested: take 400, then 100 more, then 1 smidge more fails.
    const r = block(15, [
      drainVaultTx(owner, vault, dest, 400n * SMH, { nonce: 2n }),
      drainVaultTx(owner, vault, dest, 100n * SMH, { nonce: 3n }),
      drainVaultTx(owner, vault, dest, 1n, { nonce: 4n }),
    ])
    expect(r.results.map((x) => x.error?.code ?? x.status)).toEqual([
      'success',
      'success',
      'AMOUNT_NOT_AVAILABLE',
    ])
    expect(getAccount(r.state, dest).balance).toBe(500n * SMH)
    expect(getAccount(r.state, vault).balance).toBe(500n * SMH)
    // The failed drain still paid its fee and used its nonce.
    expect(getAccount(r.state, owner.address).nextNonce).toBe(5n)
    // After the end the rest is free.
    const end = applyBlock(r.state, {
      layer: 20,
      txs: [drainVaultTx(owner, vault, dest, 500n * SMH, { nonce: 5n })],
      rewards: [],
      params,
    })
    expect(end.results[0]!.status).toBe('success')
    expect(getAccount(end.state, vault).balance).toBe(0n)
  })

  it('refuses drains by a non-owner, of a non-vault, and a second spawn of the vault', () => {
    const state = spawnAll()
    const codes = applyBlock(state, {
      layer: 25,
      txs: [
        drainVaultTx(stranger, vault, dest, 1n, { nonce: 1n }),
        drainVaultTx(owner, stranger.address, dest, 1n, { nonce: 2n }),
        drainVaultTx(owner, dest, dest, 1n, { nonce: 3n }),
        spawnVaultTx(owner, schedule, { nonce: 4n }),
      ],
      rewards: [],
      params,
    }).results.map((x) => x.error?.code)
    expect(codes).toEqual(['NOT_OWNER', 'RELAY_TEMPLATE_MISMATCH', 'RELAY_NOT_SPAWNED', 'ALREADY_SPAWNED'])
  })

  it('a vesting account spends its own funds as a multisig does; a vault schedule ending before it starts is refused', () => {
    const state = spawnAll()
    const r = applyBlock(state, {
      layer: 2,
      txs: [owner.spend(dest, 9n, { nonce: 2n })],
      rewards: [],
      params,
    })
    expect(r.results[0]!.status).toBe('success')
    const bad = spawnVaultTx(owner, { ...schedule, vestingStart: 20, vestingEnd: 10 }, { nonce: 2n })
    expect(applyBlock(state, { layer: 2, txs: [bad], rewards: [], params }).results[0]!.error?.code).toBe(
      'INVALID_SPAWN_ARGS',
    )
  })
})
