/**
 * Blocks (go-spacemesh `common/types/block.go`, go-spacemesh.md §2.6). A block is never gossiped
 * as a signed object: every node derives it from the proposals Hare agreed on (buildBlock.ts),
 * so equal inputs give the same bytes and the same BlockID everywhere.
 *
 *   Block = LayerIndex c32, TickHeight c64, Rewards Vec<{AtxID [32], Weight{Num c64, Denom c64}}, 2350>,
 *           TxIDs Vec<[32], 100000>
 */
import { compact32, compact64, decode, encode, fixedBytes, type Infer, list, struct } from '../codec/index.ts'

/** go-spacemesh `scale:"max=2350"`: one reward per proposal of a layer (hare's own bound, §2.8). */
export const MAX_BLOCK_REWARDS = 2_350
/** go-spacemesh `scale:"max=100000"`. */
export const MAX_BLOCK_TX_IDS = 100_000

export const ratNumCodec = struct({ num: compact64, denom: compact64 })

export const anyRewardCodec = struct({
  atxId: fixedBytes(32),
  weight: ratNumCodec,
})

export const blockCodec = struct({
  layer: compact32,
  tickHeight: compact64,
  rewards: list(anyRewardCodec, MAX_BLOCK_REWARDS),
  txIds: list(fixedBytes(32), MAX_BLOCK_TX_IDS),
})

export type AnyReward = Infer<typeof anyRewardCodec>
export type Block = Infer<typeof blockCodec>

export function encodeBlock(block: Block): Uint8Array {
  return encode(blockCodec, block)
}

/** Throws only DecodeError. */
export function decodeBlock(data: Uint8Array): Block {
  return decode(blockCodec, data)
}
