import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import vectors from '../../wallet/fixtures/wallet-derivation.json' with { type: 'json' }
import { openIndexedDbKeystoreStore } from '../../wallet/openIndexedDbKeystoreStore.ts'
import { WalletState } from './wallet.svelte.ts'

const vector = vectors.vectors[0]!

describe('WalletState', () => {
  it('walks none → unlocked → locked, and a wrong password leaves it locked with a message', async () => {
    const state = new WalletState(await openIndexedDbKeystoreStore('ui-state-1'), 'sm')
    await state.load()
    expect(state.phase).toBe('none')

    expect(await state.create(vector.mnemonic, 'correct horse', true)).toBe(true)
    expect(state.phase).toBe('unlocked')
    expect(state.accounts.map((a) => a.address)).toEqual([vector.address])

    state.lock()
    expect(state.phase).toBe('locked')
    expect(state.accounts).toEqual([])

    expect(await state.unlock('wrong horse')).toBe(false)
    expect(state.phase).toBe('locked')
    expect(state.error).toMatch(/^Wrong password/)

    expect(await state.unlock('correct horse')).toBe(true)
    expect(state.error).toBe('')
    expect(await state.addAccount()).toBe(true)
    expect(state.accounts.map((a) => a.index)).toEqual([0, 1])
  }, 120_000)

  it('explains a refused mnemonic and stays without a wallet', async () => {
    const state = new WalletState(await openIndexedDbKeystoreStore('ui-state-2'), 'sm')
    await state.load()
    expect(await state.create(vector.mnemonic.replace('film', 'flim'), 'correct horse')).toBe(false)
    expect(state.error).toBe("mnemonic: word 1 'flim' is not in the BIP-39 English list")
    await state.load()
    expect(state.phase).toBe('none')
  })
})
