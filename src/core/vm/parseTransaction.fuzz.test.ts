/**
 * Mutated and random transactions against a state holding every template: parsing and
 * verification must end in a value or a VmError (an ineffective tx / refusal), never in another
 * throw — that would let one gossiped transaction crash block application.
 */
import { describe } from 'vitest'
import { fuzzDecoder } from '../../testing/fuzzDecoder.ts'
import { createRng } from '../sim/createRng.ts'
import { applyBlock } from './applyBlock.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import { createTestMultiSig, createTestWallet, drainVaultTx, spawnVaultTx } from './createTestSigners.ts'
import { parseTransaction } from './parseTransaction.ts'
import { VmError } from './VmError.ts'
import { createVmState, getAccount } from './VmState.ts'
import { verifyTransaction } from './verifyTransaction.ts'

const SEED = 0x5eed_0005
const rng = createRng(SEED)
const genesisId = rng.bytes(20)
const wallet = createTestWallet(rng, genesisId)
const multisig = createTestMultiSig(rng, genesisId, 'multisig', 2, 3)
const vesting = createTestMultiSig(rng, genesisId, 'vesting', 1, 2)
const schedule = {
  owner: vesting.address,
  totalAmount: 1000n,
  initialUnlockAmount: 0n,
  vestingStart: 1,
  vestingEnd: 5,
}
const vault = spawnPrincipal({ template: 'vault', method: 'spawn', args: schedule })
const params = {
  genesisId,
  blockGasLimit: 100_000_000n,
  subsidy: { kind: 'constant', perLayer: 0n } as const,
}
const genesis = createVmState(
  [wallet, multisig, vesting].map((s) => ({ address: s.address, balance: 10n ** 12n, nextNonce: 0n })),
)
const state = applyBlock(genesis, {
  layer: 1,
  txs: [
    wallet.spawn({ nonce: 0n }),
    multisig.spawn({ nonce: 0n }),
    vesting.spawn({ nonce: 0n }),
    spawnVaultTx(vesting, schedule, { nonce: 1n }),
  ],
  rewards: [],
  params,
}).state

const samples = [
  wallet.spend(multisig.address, 5n, { nonce: 1n }),
  multisig.spend(wallet.address, 5n, { nonce: 1n }),
  drainVaultTx(vesting, vault, wallet.address, 5n, { nonce: 2n }),
  createTestWallet(rng, genesisId).spawn({ nonce: 0n }),
  createTestMultiSig(rng, genesisId, 'vesting', 2, 2).spawn({ nonce: 0n }),
]

function parseAndVerify(raw: Uint8Array): void {
  try {
    const parsed = parseTransaction(raw, (a) => getAccount(state, a))
    verifyTransaction(parsed, genesisId)
  } catch (e) {
    if (!(e instanceof VmError)) throw e
  }
}

describe(`parseTransaction fuzz (seed ${SEED})`, () => {
  fuzzDecoder('parseTransaction + verifyTransaction', parseAndVerify, samples, { runs: 400 })
})
