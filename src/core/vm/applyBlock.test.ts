import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { presets } from '../params/presets.ts'
import { createRng } from '../sim/createRng.ts'
import { type ApplyBlockResult, applyBlock, type VmParams } from './applyBlock.ts'
import { computeGas } from './computeGas.ts'
import { createTestMultiSig, createTestWallet } from './createTestSigners.ts'
import { createVmState, getAccount, type VmState } from './VmState.ts'

const SEED = 0x5eed_0001
const rng = createRng(SEED)
const genesisId = rng.bytes(20)
const SUBSIDY = 1_000_000n
const params: VmParams = {
  genesisId,
  blockGasLimit: 100_107_000n,
  subsidy: { kind: 'constant', perLayer: SUBSIDY },
}
const SMH = 1_000_000_000n

function supply(state: VmState): bigint {
  let sum = 0n
  for (const a of state.accounts.values()) sum += a.balance
  return sum
}

function apply(
  state: VmState,
  txs: Uint8Array[],
  layer = 1,
  rewards: { coinbase: Uint8Array; weight: bigint }[] = [],
): ApplyBlockResult {
  return applyBlock(state, { layer, txs, rewards, params })
}

function only(r: ApplyBlockResult) {
  expect(r.results).toHaveLength(1)
  return r.results[0]!
}

describe(`applyBlock wallet flows (seed ${SEED})`, () => {
  const alice = createTestWallet(rng, genesisId)
  const bob = createTestWallet(rng, genesisId)
  const genesis = createVmState([{ address: alice.address, balance: 10n * SMH, nextNonce: 0n }])

  it('self-spawns, then spends, charging maxGas × gasPrice each time', () => {
    const spawnTx = alice.spawn({ nonce: 0n, gasPrice: 2n })
    const r1 = apply(genesis, [spawnTx])
    const res1 = only(r1)
    expect(res1.status).toBe('success')
    const spawnGas = computeGas(
      { template: 'wallet', args: { publicKey: alice.publicKey } },
      'spawn',
      spawnTx.length,
      { self: true },
    ).maxGas
    expect(spawnTx.length).toBe(148)
    expect(spawnGas).toBe(100_432n) // go-spacemesh reference §2.1 check value
    expect(r1.fees).toBe(spawnGas * 2n)
    const a1 = getAccount(r1.state, alice.address)
    expect(a1.balance).toBe(10n * SMH - spawnGas * 2n)
    expect(a1.nextNonce).toBe(1n)
    expect(a1.spawned?.template).toBe('wallet')

    const spendTx = alice.spend(bob.address, 12_345n, { nonce: 1n })
    const r2 = apply(r1.state, [spendTx], 2)
    const res2 = only(r2)
    expect(res2.status).toBe('success')
    expect(spendTx.length).toBe(118)
    expect(r2.gasUsed).toBe(36_090n) // reference §2.1 check value
    expect(getAccount(r2.state, bob.address).balance).toBe(12_345n)
    expect(getAccount(r2.state, alice.address).balance).toBe(a1.balance - 36_090n - 12_345n)
    if (res2.status !== 'ineffective')
      expect(res2.addresses.map(bytesToHex)).toEqual([alice.address, bob.address].map(bytesToHex))
    // Applying the same block to the same state gives the same root.
    expect(apply(r1.state, [spendTx], 2).root).toEqual(r2.root)
  })

  it('refuses bad nonces, bad signatures, zero gas price and unspawned principals without charging', () => {
    const spawned = apply(genesis, [alice.spawn({ nonce: 0n })]).state
    const replay = alice.spawn({ nonce: 0n })
    const tampered = alice.spend(bob.address, 1n, { nonce: 1n })
    tampered[tampered.length - 1]! ^= 1
    const cases: [Uint8Array, string][] = [
      [replay, 'NONCE_TOO_LOW'],
      [tampered, 'BAD_SIGNATURE'],
      [alice.spend(bob.address, 1n, { nonce: 1n, gasPrice: 0n }), 'ZERO_GAS_PRICE'],
      [bob.spend(alice.address, 1n, { nonce: 0n }), 'NOT_SPAWNED'],
      [Uint8Array.of(0, 1, 2), 'MALFORMED'],
    ]
    for (const [raw, code] of cases) {
      const r = apply(spawned, [raw])
      const res = only(r)
      expect(res.status, code).toBe('ineffective')
      expect(res.error?.code).toBe(code)
      expect(r.root).toEqual(spawned.root)
      expect(r.fees).toBe(0n)
    }
  })

  it('lets nonces skip forward as genvm does and then refuses the skipped ones', () => {
    const spawned = apply(genesis, [alice.spawn({ nonce: 0n })]).state
    const r = apply(spawned, [
      alice.spend(bob.address, 5n, { nonce: 7n }),
      alice.spend(bob.address, 5n, { nonce: 3n }),
    ])
    expect(r.results.map((x) => x.status)).toEqual(['success', 'ineffective'])
    expect(r.results[1]!.error?.code).toBe('NONCE_TOO_LOW')
    expect(getAccount(r.state, alice.address).nextNonce).toBe(8n)
  })

  it('charges the fee and consumes the nonce when the transfer exceeds the balance', () => {
    const spawned = apply(genesis, [alice.spawn({ nonce: 0n })]).state
    const before = getAccount(spawned, alice.address)
    const r = apply(spawned, [alice.spend(bob.address, 11n * SMH, { nonce: 1n })])
    const res = only(r)
    expect(res.status).toBe('failure')
    expect(res.error?.code).toBe('NO_BALANCE')
    const after = getAccount(r.state, alice.address)
    expect(after.balance).toBe(before.balance - r.fees)
    expect(r.fees).toBeGreaterThan(0n)
    expect(after.nextNonce).toBe(2n)
    expect(getAccount(r.state, bob.address).balance).toBe(0n)
  })

  it('skips a tx the balance cannot start (intrinsic gas) and empties one that cannot pay max gas', () => {
    const poor = createTestWallet(rng, genesisId)
    const tx = poor.spawn({ nonce: 0n })
    const g = computeGas({ template: 'wallet', args: { publicKey: poor.publicKey } }, 'spawn', tx.length, {
      self: true,
    })
    const low = createVmState([{ address: poor.address, balance: g.intrinsic - 1n, nextNonce: 0n }])
    expect(only(apply(low, [tx])).error?.code).toBe('INTRINSIC_GAS')
    const mid = createVmState([{ address: poor.address, balance: g.maxGas - 1n, nextNonce: 0n }])
    const r = apply(mid, [tx])
    expect(only(r).error?.code).toBe('OUT_OF_GAS')
    expect(r.fees).toBe(g.maxGas - 1n)
    const after = getAccount(r.state, poor.address)
    expect(after.balance).toBe(0n)
    expect(after.spawned).toBeUndefined()
    expect(after.nextNonce).toBe(1n)
  })

  it('stops executing when the block gas limit is reached', () => {
    const spawned = apply(genesis, [alice.spawn({ nonce: 0n })]).state
    const txs = [1n, 2n, 3n].map((n) => alice.spend(bob.address, 1n, { nonce: n }))
    const r = applyBlock(spawned, {
      layer: 2,
      txs,
      rewards: [],
      params: { ...params, blockGasLimit: 36_090n * 2n },
    })
    expect(r.results.map((x) => x.error?.code ?? x.status)).toEqual([
      'success',
      'success',
      'BLOCK_GAS_EXHAUSTED',
    ])
  })
})

describe(`rewards and supply (seed ${SEED})`, () => {
  it('shares subsidy + fees by weight, floors each share and burns the remainder', () => {
    const alice = createTestWallet(rng, genesisId)
    const c1 = rng.bytes(24)
    const c2 = rng.bytes(24)
    c1.fill(0, 0, 4)
    c2.fill(0, 0, 4)
    const genesis = createVmState([{ address: alice.address, balance: 10n * SMH, nextNonce: 0n }])
    const r = apply(genesis, [alice.spawn({ nonce: 0n, gasPrice: 3n })], 5, [
      { coinbase: c1, weight: 1n },
      { coinbase: c2, weight: 2n },
    ])
    expect(r.subsidy).toBe(SUBSIDY)
    const total = SUBSIDY + r.fees
    const b1 = getAccount(r.state, c1).balance
    const b2 = getAccount(r.state, c2).balance
    expect(b1).toBe(total / 3n)
    expect(b2).toBe((total * 2n) / 3n)
    expect(r.burnt).toBe(total - b1 - b2)
    expect(supply(r.state)).toBe(supply(genesis) + SUBSIDY - r.burnt)
    // The sim preset's economics plug in as VM params: layer 16 is index 1 of the curve.
    const sim = applyBlock(genesis, {
      layer: 16,
      txs: [],
      rewards: [{ coinbase: c1, weight: 3n }],
      params: { genesisId, ...presets.sim.vm },
    })
    expect(getAccount(sim.state, c1).balance).toBe(477_618_296_206n)
    expect(sim.burnt).toBe(0n)
    // Without rewards the whole subsidy is burnt and nothing else changes.
    const empty = apply(genesis, [], 6)
    expect(empty.burnt).toBe(SUBSIDY)
    expect(empty.root).toEqual(genesis.root)
  })
})

describe('decaying subsidy (economics TotalSubsidyAtLayer)', () => {
  const mainnetParams: VmParams = { genesisId, ...presets.mainnet.vm }
  const coinbase = new Uint8Array(24).fill(7)
  const mint = (layer: number, rewards = [{ coinbase, weight: 1n }]) =>
    applyBlock(createVmState([]), { layer, txs: [], rewards, params: mainnetParams })

  it("mints the layer's subsidy, counted from the first effective genesis 8063", () => {
    // economics Test_Subsidy at indexes 0, 1, 10 000 and 1 000 000.
    for (const [layer, subsidy] of [
      [8063, 477_618_397_593n],
      [8064, 477_618_296_206n],
      [8063 + 10_000, 476_605_609_108n],
      [8063 + 1_000_000, 386_270_235_450n],
    ] as const) {
      const r = mint(layer)
      expect(r.subsidy, `layer ${layer}`).toBe(subsidy)
      expect(getAccount(r.state, coinbase).balance).toBe(subsidy)
      expect(r.rewards[0]?.layerReward).toBe(subsidy)
      expect(r.burnt).toBe(0n)
    }
  })

  it('burns the subsidy of an empty layer and refuses layers before the first effective genesis', () => {
    const empty = mint(9000, [])
    expect(empty.burnt).toBe(empty.subsidy)
    expect(empty.subsidy).toBe(477_523_408_000n) // Go, index 937
    expect(() => mint(8062)).toThrow(/first effective genesis 8063, got 8062/)
  })
})

describe(`multisig (seed ${SEED})`, () => {
  it('2-of-3 spawns and spends with keys 0 and 2; one part or a wrong key set is refused', () => {
    const ms = createTestMultiSig(rng, genesisId, 'multisig', 2, 3, [0, 2])
    const dest = createTestWallet(rng, genesisId).address
    const genesis = createVmState([{ address: ms.address, balance: SMH, nextNonce: 0n }])
    const r1 = apply(genesis, [ms.spawn({ nonce: 0n })])
    expect(only(r1).status).toBe('success')
    expect(getAccount(r1.state, ms.address).spawned).toEqual({ template: 'multisig', args: ms.spawnArgs })
    const r2 = apply(r1.state, [ms.spend(dest, 77n, { nonce: 1n })])
    expect(only(r2).status).toBe('success')
    expect(getAccount(r2.state, dest).balance).toBe(77n)
    // The same keys but one signature: the account requires two.
    const lone = createTestMultiSig(createRng(SEED), genesisId, 'multisig', 2, 3, [1])
    const twin = createTestMultiSig(createRng(SEED), genesisId, 'multisig', 2, 3, [0, 1])
    const state = apply(createVmState([{ address: twin.address, balance: SMH, nextNonce: 0n }]), [
      twin.spawn({ nonce: 0n }),
    ]).state
    expect(only(apply(state, [lone.spend(dest, 1n, { nonce: 1n })])).error?.code).toBe('BAD_SIGNATURE')
    expect(only(apply(state, [twin.spend(dest, 1n, { nonce: 1n })])).status).toBe('success')
  })

  it('refuses to spawn a multisig that requires more signatures than keys', () => {
    const bad = createTestMultiSig(rng, genesisId, 'multisig', 3, 2, [0, 1])
    const genesis = createVmState([{ address: bad.address, balance: SMH, nextNonce: 0n }])
    expect(only(apply(genesis, [bad.spawn({ nonce: 0n })])).error?.code).toBe('INVALID_SPAWN_ARGS')
  })
})
