import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { createRng } from '../sim/createRng.ts'
import type { Account } from './Account.ts'
import { applyBlock } from './applyBlock.ts'
import { buildMerkleLevels, EMPTY_STATE_ROOT, hashAccountLeaf } from './buildMerkleLevels.ts'
import { computeStateRoot } from './computeStateRoot.ts'
import { createTestWallet } from './createTestSigners.ts'
import { encodeAccount } from './encodeAccount.ts'
import { proveAccount } from './proveAccount.ts'
import { createVmState } from './VmState.ts'
import { verifyAccountProof } from './verifyAccountProof.ts'

const SEED = 0x5eed_0003
const rng = createRng(SEED)

function randomAccounts(n: number): Account[] {
  return Array.from({ length: n }, () => {
    const address = rng.bytes(24)
    address.fill(0, 0, 4)
    return { address, balance: BigInt(1 + rng.nextInt(1_000_000)), nextNonce: BigInt(rng.nextInt(5)) }
  })
}

function shuffled<T>(xs: T[]): T[] {
  const out = xs.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe(`account state commitment (seed ${SEED})`, () => {
  it('does not depend on insertion order, and ignores empty accounts', () => {
    const accounts = randomAccounts(37)
    const root = createVmState(accounts).root
    for (let k = 0; k < 5; k++) expect(createVmState(shuffled(accounts)).root).toEqual(root)
    const empty = { address: rng.bytes(24), balance: 0n, nextNonce: 0n }
    expect(createVmState([...accounts, empty]).root).toEqual(root)
    expect(createVmState([]).root).toEqual(EMPTY_STATE_ROOT)
  })

  it('changes exactly when an account changes', () => {
    const accounts = randomAccounts(20)
    const root = createVmState(accounts).root
    const seen = new Set([bytesToHex(root)])
    for (let i = 0; i < accounts.length; i++) {
      const a = accounts[i]!
      const variants: Account[] = [
        { ...a, balance: a.balance + 1n },
        { ...a, nextNonce: a.nextNonce + 1n },
        { ...a, spawned: { template: 'wallet', args: { publicKey: rng.bytes(32) } } },
      ]
      for (const v of variants) {
        const r = createVmState(accounts.map((x, j) => (j === i ? v : x))).root
        const hex = bytesToHex(r)
        expect(seen.has(hex)).toBe(false)
        seen.add(hex)
      }
    }
    // A block that changes nothing keeps the root.
    const genesisId = rng.bytes(20)
    const state = createVmState(accounts)
    const stranger = createTestWallet(rng, genesisId)
    const r = applyBlock(state, {
      layer: 3,
      txs: [stranger.spend(accounts[0]!.address, 1n, { nonce: 0n })],
      rewards: [],
      params: { genesisId, blockGasLimit: 1_000_000n, subsidy: { kind: 'constant', perLayer: 5n } },
    })
    expect(r.results[0]!.error?.code).toBe('NOT_SPAWNED')
    expect(r.root).toEqual(state.root)
  })

  it('proves every account of trees of 1..17, 32, 33 leaves; tampered accounts and proofs fail', () => {
    for (const n of [...Array.from({ length: 17 }, (_, i) => i + 1), 32, 33]) {
      const state = createVmState(randomAccounts(n))
      for (const a of state.accounts.values()) {
        const p = proveAccount(state, a.address)!
        expect(p.account).toBe(a)
        expect(verifyAccountProof(state.root, a, p.proof), `n=${n}`).toBe(true)
        expect(verifyAccountProof(state.root, { ...a, balance: a.balance + 1n }, p.proof)).toBe(false)
        if (n > 1) {
          expect(verifyAccountProof(state.root, a, { ...p.proof, index: (p.proof.index + 1) % n })).toBe(
            false,
          )
          const bad = p.proof.siblings.map((s, i) => (i === 0 ? s.map((b, j) => (j === 0 ? b ^ 1 : b)) : s))
          expect(verifyAccountProof(state.root, a, { ...p.proof, siblings: bad })).toBe(false)
        }
      }
    }
    const state = createVmState(randomAccounts(3))
    expect(proveAccount(state, rng.bytes(24))).toBeUndefined()
    // A hostile account that cannot even be encoded is refused, not thrown on.
    const a = [...state.accounts.values()][0]!
    const { proof } = proveAccount(state, a.address)!
    expect(verifyAccountProof(state.root, { ...a, balance: 1n << 64n }, proof)).toBe(false)
    expect(verifyAccountProof(state.root, { ...a, address: a.address.subarray(1) }, proof)).toBe(false)
  })
})

describe(`state root over successive states (seed ${SEED})`, () => {
  /** The root hashed from scratch: fresh leaf and node hashes, no memo. */
  function rootFromScratch(accounts: readonly Account[]): Uint8Array {
    const sorted = [...accounts].sort((a, b) => (bytesToHex(a.address) < bytesToHex(b.address) ? -1 : 1))
    const levels = buildMerkleLevels(sorted.map((a) => hashAccountLeaf(encodeAccount(a))))
    return levels[levels.length - 1]![0]!
  }

  it('matches a from-scratch hash after every update, insertion and removal', () => {
    let accounts = randomAccounts(23)
    for (let step = 0; step < 60; step++) {
      const next = accounts.slice()
      const i = rng.nextInt(next.length)
      const r = rng.nextInt(10)
      if (r < 6) next[i] = { ...next[i]!, balance: next[i]!.balance + 1n, nextNonce: next[i]!.nextNonce + 1n }
      else if (r < 8) next.push(...randomAccounts(1 + rng.nextInt(3)))
      else if (next.length > 1) next.splice(i, 1)
      accounts = next
      const root = computeStateRoot(new Map(accounts.map((a) => [bytesToHex(a.address), a])))
      expect(root, `step ${step}`).toEqual(rootFromScratch(accounts))
      // The returned root is the caller's: changing it must not change the next answer.
      root.fill(0)
      expect(computeStateRoot(new Map(accounts.map((a) => [bytesToHex(a.address), a])))).toEqual(
        rootFromScratch(accounts),
      )
    }
  })
})
