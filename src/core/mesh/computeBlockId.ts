/** BlockID = first 20 bytes of blake3(scale(InnerBlock)) (go-spacemesh `Block.Initialize`, §1.2). */
import { hash20 } from '../crypto/hash.ts'
import { type Block, encodeBlock } from './blockCodec.ts'

export function computeBlockId(block: Block): Uint8Array {
  return hash20(encodeBlock(block))
}
