/**
 * What the simulated consensus nodes can fetch from "the network" beyond gossip, and the
 * validation outcomes they may share. go-spacemesh nodes fetch a missing ballot, block or
 * transaction by ID from peers (`fetch/`, go-spacemesh.md §2.10); here the fetcher is this store
 * of everything anyone gossiped or built, so a node cut off by a partition can catch up.
 *
 * Caches: a verdict that is a pure function of the message bytes and an epoch context (its
 * active set and beacon) is computed once for all nodes with that context, as HareLayerContext's
 * `validationCache` does for Hare. Only ACCEPT verdicts of proposals are shared; rejections are
 * recomputed by every node, so invalid messages are still counted per node.
 */

import type { HareError } from '../hare/HareError.ts'
import type { HareMessage } from '../hare/hareMessageCodec.ts'
import type { Block } from '../mesh/blockCodec.ts'
import type { BlockTxCandidate } from '../mesh/selectBlockTransactions.ts'

export interface SharedBlock {
  readonly layer: number
  readonly block: Block
}

export interface SharedTx {
  readonly raw: Uint8Array
  readonly header: Omit<BlockTxCandidate, 'id'>
}

export class SimConsensusShared {
  /** Proposal bytes by ballot ID hex (the fetcher's ballot lookup). */
  readonly proposalsByBallot = new Map<string, Uint8Array>()
  /** Proposal bytes by proposal ID hex. */
  readonly proposalsById = new Map<string, Uint8Array>()
  readonly blocks = new Map<string, SharedBlock>()
  readonly txs = new Map<string, SharedTx>()
  /** 24-byte coinbase by smesher ID hex (ATX v1 carries it; AtxHeader does not keep it). */
  readonly coinbaseBySmesher = new Map<string, Uint8Array>()
  /** Proposal hash hex + context key → accepted. */
  readonly acceptedProposals = new Set<string>()
  /** Certify message hash hex + context key → valid. */
  readonly certifyVerdicts = new Map<string, boolean>()
  private readonly hareCaches = new Map<string, Map<string, HareMessage | HareError>>()

  /** One Hare validation cache per layer and epoch context (active-set hash ‖ beacon). */
  hareCache(layer: number, contextKey: string): Map<string, HareMessage | HareError> {
    const key = `${layer}:${contextKey}`
    let c = this.hareCaches.get(key)
    if (c === undefined) {
      c = new Map()
      this.hareCaches.set(key, c)
      // Old layers are never validated again; keep memory flat over long runs.
      for (const k of this.hareCaches.keys()) {
        if (Number(k.split(':')[0]) < layer - 4) this.hareCaches.delete(k)
      }
    }
    return c
  }
}
