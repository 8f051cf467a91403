/**
 * Applies one layer's block to the account state (`genvm/vm.go Apply`/`execute`,
 * `genvm/rewards.go`; protocol-spec §11.8-11.9, §15): its transactions in block order, then the
 * rewards: the layer's subsidy (`computeLayerSubsidy`, decaying with the layer on go-spacemesh
 * networks) plus the fees. Pure: the input state is untouched and the same block on the same
 * state gives the same new state and root. An empty layer is a block with no transactions and no
 * rewards (the subsidy is then burnt).
 *
 * A transaction is *ineffective* — skipped, no fee, nonce unchanged — when (in genvm's order) it
 * does not parse against its principal, its gas price is 0, the principal's balance is below its
 * intrinsic gas (genvm compares smidge with gas units here; we keep that quirk so states agree),
 * the block's remaining gas is below its max gas, its signature fails, or its nonce is below the
 * principal's next nonce. Otherwise it is executed (`executeTransaction`): fee charged, nonce
 * consumed, method applied or failed. The block's gas counts the max gas of executed transactions.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import { hash32 } from '../crypto/hash.ts'
import type { SubsidySchedule } from '../params/presets.ts'
import { type Account, emptyAccount, isEmptyAccount } from './Account.ts'
import { computeLayerSubsidy } from './computeLayerSubsidy.ts'
import { computeStateRoot } from './computeStateRoot.ts'
import { type CoinbaseReward, distributeRewards, type LayerReward } from './distributeRewards.ts'
import { executeTransaction } from './executeTransaction.ts'
import { type ParsedTransaction, parseTransaction } from './parseTransaction.ts'
import { VmError } from './VmError.ts'
import type { VmState } from './VmState.ts'
import { verifyTransaction } from './verifyTransaction.ts'

export interface VmParams {
  /** 20 bytes; transactions are signed over genesisId ‖ raw. */
  readonly genesisId: Uint8Array
  /** Gas the block's executed transactions may declare in total (`vm.Config.GasLimit`). */
  readonly blockGasLimit: bigint
  /** What each layer mints, shared by the coinbases (preset `vm.subsidy`; `computeLayerSubsidy`). */
  readonly subsidy: SubsidySchedule
}

export interface ApplyBlockInput {
  readonly layer: number
  /** Raw signed transactions in block order. */
  readonly txs: readonly Uint8Array[]
  readonly rewards: readonly CoinbaseReward[]
  readonly params: VmParams
  /**
   * Ids whose signatures the caller already checked (go's `tx.Verified()`: the mempool verified
   * them on admission). Sound because a signature's validity depends only on the raw bytes and
   * the genesis ID: the principal's keys are fixed by its address. Omit to verify everything.
   */
  readonly isVerified?: (id: Uint8Array) => boolean
}

export type TransactionResult =
  | { readonly id: Uint8Array; readonly status: 'ineffective'; readonly error: VmError }
  | {
      readonly id: Uint8Array
      readonly status: 'success' | 'failure'
      /** Set when status is 'failure'. */
      readonly error?: VmError
      readonly principal: Uint8Array
      readonly nonce: bigint
      readonly gasUsed: bigint
      readonly fee: bigint
      /** Principal first, then the other accounts it changed (`TransactionResult.Addresses`). */
      readonly addresses: readonly Uint8Array[]
    }

export interface ApplyBlockResult {
  readonly state: VmState
  /** One per input transaction, in block order. */
  readonly results: TransactionResult[]
  /** Sum of the executed transactions' fees. */
  readonly fees: bigint
  /** Smidge the layer mints (`computeLayerSubsidy`), before rewards and burning. */
  readonly subsidy: bigint
  readonly gasUsed: bigint
  readonly rewards: LayerReward[]
  /** Subsidy + fees left over by the floor divisions (or all of it with no rewards). */
  readonly burnt: bigint
  readonly root: Uint8Array
}

function checkEffective(
  p: ParsedTransaction,
  gasLeft: bigint,
  genesisId: Uint8Array,
  verified: boolean,
): void {
  if (p.tx.gasPrice === 0n) throw new VmError('ZERO_GAS_PRICE', 'gas price is 0')
  if (p.principal.balance < p.intrinsicGas)
    throw new VmError('INTRINSIC_GAS', `balance ${p.principal.balance} below intrinsic gas ${p.intrinsicGas}`)
  if (gasLeft < p.maxGas)
    throw new VmError('BLOCK_GAS_EXHAUSTED', `max gas ${p.maxGas}, block has ${gasLeft} left`)
  if (!verified && !verifyTransaction(p, genesisId))
    throw new VmError('BAD_SIGNATURE', 'signature does not verify')
  if (p.tx.nonce < p.principal.nextNonce)
    throw new VmError('NONCE_TOO_LOW', `nonce ${p.tx.nonce} below next nonce ${p.principal.nextNonce}`)
}

export function applyBlock(state: VmState, input: ApplyBlockInput): ApplyBlockResult {
  const { layer, txs, params } = input
  if (!Number.isInteger(layer) || layer < 0 || layer > 0xffff_ffff)
    throw new RangeError(`layer: expected u32, got ${layer}`)
  // Before any work: a layer before the first effective genesis has no subsidy and throws.
  const subsidy = computeLayerSubsidy(params.subsidy, layer)
  const accounts = new Map(state.accounts)
  const lookup = (address: Uint8Array): Account => accounts.get(bytesToHex(address)) ?? emptyAccount(address)
  const write = (a: Account): void => {
    const key = bytesToHex(a.address)
    if (isEmptyAccount(a)) accounts.delete(key)
    else accounts.set(key, a)
  }

  const results: TransactionResult[] = []
  let gasLeft = params.blockGasLimit
  let fees = 0n
  for (const raw of txs) {
    let parsed: ParsedTransaction
    try {
      parsed = parseTransaction(raw, lookup)
      checkEffective(parsed, gasLeft, params.genesisId, input.isVerified?.(parsed.id) ?? false)
    } catch (e) {
      if (!(e instanceof VmError)) throw e
      results.push({ id: hash32(raw), status: 'ineffective', error: e })
      continue
    }
    const outcome = executeTransaction(parsed, lookup, layer)
    for (const a of outcome.updated) write(a)
    gasLeft -= outcome.gasUsed
    fees += outcome.fee
    const common = {
      id: parsed.id,
      principal: parsed.tx.principal,
      nonce: parsed.tx.nonce,
      gasUsed: outcome.gasUsed,
      fee: outcome.fee,
      addresses: outcome.updated.map((a) => a.address),
    }
    results.push(
      outcome.error === undefined
        ? { ...common, status: 'success' }
        : { ...common, status: 'failure', error: outcome.error },
    )
  }

  const { rewards, burnt } = distributeRewards(subsidy, fees, input.rewards)
  for (const r of rewards) {
    const a = lookup(r.coinbase)
    write({ ...a, balance: a.balance + r.totalReward })
  }
  const root = computeStateRoot(accounts)
  return {
    state: { accounts, root },
    results,
    fees,
    subsidy,
    gasUsed: params.blockGasLimit - gasLeft,
    rewards,
    burnt,
    root,
  }
}
