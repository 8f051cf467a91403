/**
 * A `PoetProverCheckpoint` as bytes, for the service to keep across restarts. Version 1:
 *
 *   u8 version = 1 ‖ statement (32) ‖ u64le leafCount (≤ 2^43) ‖ parked nodes (32 each)
 *
 * with one parked node per set bit of leafCount, in ascending height, so the length is exactly
 * 41 + 32·popcount(leafCount) ≤ 41 + 32·43 = 1,417 bytes (LIMITS.md). A changed layout takes a
 * new version byte; an unknown version is refused, and the service then restarts the round's
 * work rather than guess. Integrity beyond the framing is checked where it can be: a single
 * flipped bit of leafCount changes its popcount and so the length, and `PoetProver.fromCheckpoint`
 * compares the statement with the round's and every parked node with the tree store.
 */
import { DecodeError } from '../codec/index.ts'
import type { PoetProverCheckpoint } from './PoetProver.ts'
import { MAX_LEAF_COUNT, NODE_SIZE } from './poetConstants.ts'

export const POET_CHECKPOINT_VERSION = 1
const HEADER = 1 + NODE_SIZE + 8

/** Throws RangeError when the checkpoint is not the prover's own shape (a programming error). */
export function encodePoetProverCheckpoint(cp: PoetProverCheckpoint): Uint8Array {
  if (cp.statement.length !== NODE_SIZE) {
    throw new RangeError(`statement: expected ${NODE_SIZE} bytes, got ${cp.statement.length}`)
  }
  if (!Number.isSafeInteger(cp.leafCount) || cp.leafCount < 0 || cp.leafCount > MAX_LEAF_COUNT) {
    throw new RangeError(`leafCount: expected 0..2^43, got ${cp.leafCount}`)
  }
  const nodes: Uint8Array[] = []
  for (let h = 0, rest = cp.leafCount; rest > 0; h++, rest = Math.floor(rest / 2)) {
    const node = cp.parked[h]
    if ((rest % 2 === 1) !== (node !== undefined) || (node !== undefined && node.length !== NODE_SIZE)) {
      throw new RangeError(`parked: height ${h} does not match bit ${h} of leafCount ${cp.leafCount}`)
    }
    if (node !== undefined) nodes.push(node)
  }
  const out = new Uint8Array(HEADER + NODE_SIZE * nodes.length)
  const view = new DataView(out.buffer)
  out[0] = POET_CHECKPOINT_VERSION
  out.set(cp.statement, 1)
  view.setUint32(1 + NODE_SIZE, cp.leafCount >>> 0, true)
  view.setUint32(1 + NODE_SIZE + 4, Math.floor(cp.leafCount / 2 ** 32), true)
  for (const [k, node] of nodes.entries()) out.set(node, HEADER + NODE_SIZE * k)
  return out
}

/** Throws only DecodeError. */
export function decodePoetProverCheckpoint(data: Uint8Array): PoetProverCheckpoint {
  if (data.length < HEADER) {
    throw new DecodeError('TRUNCATED', `checkpoint: expected at least ${HEADER} bytes, got ${data.length}`)
  }
  if (data[0] !== POET_CHECKPOINT_VERSION) {
    throw new DecodeError(
      'INVALID_TAG',
      `checkpoint: expected version ${POET_CHECKPOINT_VERSION}, got ${data[0]}`,
      0,
    )
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const low = view.getUint32(1 + NODE_SIZE, true)
  const high = view.getUint32(1 + NODE_SIZE + 4, true)
  const leafCount = high * 2 ** 32 + low
  if (leafCount > MAX_LEAF_COUNT) {
    throw new DecodeError('OUT_OF_RANGE', `checkpoint: expected leafCount ≤ 2^43, got ${leafCount}`, 33)
  }
  const parked: (Uint8Array | undefined)[] = []
  let offset = HEADER
  for (let rest = leafCount; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) {
      if (offset + NODE_SIZE > data.length) {
        throw new DecodeError('TRUNCATED', `checkpoint: parked node ${parked.length} cut short`, offset)
      }
      parked.push(data.slice(offset, offset + NODE_SIZE))
      offset += NODE_SIZE
    } else parked.push(undefined)
  }
  if (offset !== data.length) {
    throw new DecodeError(
      'TRAILING_BYTES',
      `checkpoint: ${data.length - offset} bytes after the parked nodes`,
      offset,
    )
  }
  return { statement: data.slice(1, 1 + NODE_SIZE), leafCount, parked }
}
