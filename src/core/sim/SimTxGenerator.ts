/**
 * Seeded spend traffic for the consensus simulation: `accounts` wallets funded and spawned in
 * the genesis state, sending `total` spends to each other spread evenly over the layers
 * [from, to], each to a random honest node's mempool (which gossips it). Senders are taken round
 * robin with consecutive nonces, and there are enough of them that a sender's next tx comes
 * several layers after its previous one, so every admitted tx can be applied in nonce order.
 */

import type { Account } from '../vm/Account.ts'
import { createTestWallet } from '../vm/createTestSigners.ts'
import type { Rng } from './createRng.ts'
import type { SimActor, SimContext } from './SimActor.ts'
import type { SimConsensusNode } from './SimConsensusNode.ts'

export interface SimTxGeneratorOptions {
  readonly total: number
  readonly from: number
  readonly to: number
  readonly layerDurationMs: number
  readonly genesisId: Uint8Array
  /** Initial balance of every genesis wallet, smidge. */
  readonly balance: bigint
}

export class SimTxGenerator implements SimActor {
  readonly id = 'wallets'
  readonly wallets: ReturnType<typeof createTestWallet>[]
  private readonly nonces: bigint[]
  private next = 0
  submitted = 0
  /** Raw txs that the receiving node admitted. */
  readonly accepted: Uint8Array[] = []

  constructor(
    private readonly ctx: SimContext,
    private readonly o: SimTxGeneratorOptions,
    private readonly nodes: () => readonly SimConsensusNode[],
  ) {
    const layers = Math.max(1, o.to - o.from + 1)
    const perLayer = Math.ceil(o.total / layers)
    const count = Math.max(8, perLayer * 6)
    const rng: Rng = ctx.rng.fork()
    this.wallets = Array.from({ length: count }, () => createTestWallet(rng, o.genesisId))
    this.nonces = this.wallets.map(() => 0n)
  }

  genesisAccounts(): Account[] {
    return this.wallets.map((w) => ({
      address: w.address,
      balance: this.o.balance,
      nextNonce: 0n,
      spawned: { template: 'wallet', args: { publicKey: w.publicKey } },
    }))
  }

  start(): void {
    const layers = this.o.to - this.o.from + 1
    if (this.o.total === 0 || layers <= 0) return
    for (let i = 0; i < layers; i++) {
      const n = Math.floor(((i + 1) * this.o.total) / layers) - Math.floor((i * this.o.total) / layers)
      // After the layer's proposals went out, so they wait one layer in the mempools.
      const at = (this.o.from + i) * this.o.layerDurationMs + 300
      this.ctx.scheduler.at(at, () => this.submit(n))
    }
  }

  onMessage(): void {}

  private submit(n: number): void {
    const nodes = this.nodes().filter((x) => x.o.behaviour === 'honest')
    for (let k = 0; k < n && nodes.length > 0; k++) {
      const i = this.next
      this.next = (this.next + 1) % this.wallets.length
      const sender = this.wallets[i]!
      let j = this.ctx.rng.nextInt(this.wallets.length - 1)
      if (j >= i) j++
      const amount = BigInt(1 + this.ctx.rng.nextInt(1000))
      const raw = sender.spend(this.wallets[j]!.address, amount, { nonce: this.nonces[i]! })
      this.nonces[i] = this.nonces[i]! + 1n
      this.submitted++
      const node = nodes[this.ctx.rng.nextInt(nodes.length)]!
      if (node.submitTx(raw)) this.accepted.push(raw)
    }
  }
}
