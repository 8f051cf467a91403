/**
 * The two SHA-256 functions of the PoET sequential-work tree (spacemeshos/poet `hash/hash.go`,
 * reference post-poet.md §3.1), both salted with the round's statement as a prefix:
 *
 * - leaf label `L_i = H400(statement ‖ u64be(i) ‖ P_0 ‖ P_1 ‖ …)` where `P_h` are the nodes
 *   parked at heights h whose bit is set in i (the left siblings of i's ancestors), and H400 is
 *   SHA-256 followed by 399 more SHA-256 of the previous 32-byte digest. Each label needs the
 *   labels of every earlier left cousin, which is what makes the work sequential.
 * - internal node `SHA256(statement ‖ left ‖ right)`.
 *
 * Buffers are allocated once per hasher; the 399 chained hashes run on words only. A hasher is
 * not re-entrant, but separate hashers are independent.
 */
import { compressSha256Block, SHA256_IV } from './compressSha256Block.ts'
import { iterateSha256 } from './iterateSha256.ts'
import { LABEL_HASH_NESTING_DEPTH, NODE_SIZE } from './poetConstants.ts'

export interface PoetHasher {
  readonly statement: Uint8Array
  /**
   * Writes leaf `index`'s label to `out`. `parked[h]` must hold the left sibling at height h
   * for every bit h set in `index`; other entries are ignored.
   */
  label(index: number, parked: readonly (Uint8Array | undefined)[], out: Uint8Array): void
  /** H400(statement ‖ data) for raw label input (upstream's hash vectors use free-form data). */
  labelOfInput(data: Uint8Array, out: Uint8Array): void
  /** Writes the internal node over `left` and `right` to `out`. */
  node(left: Uint8Array, right: Uint8Array, out: Uint8Array): void
}

/** Input bytes of the longest label: statement, index and one sibling per height up to 64. */
const MAX_INPUT = NODE_SIZE + 8 + 64 * NODE_SIZE

export function createPoetHasher(statement: Uint8Array): PoetHasher {
  if (statement.length !== NODE_SIZE) {
    throw new RangeError(`statement: expected ${NODE_SIZE} bytes, got ${statement.length}`)
  }
  const fixedStatement = statement.slice()
  const buf = new Uint8Array(MAX_INPUT + 72)
  const view = new DataView(buf.buffer)
  const state = new Int32Array(8)
  const w = new Int32Array(64)
  buf.set(fixedStatement, 0)

  /** SHA-256 of `buf[0..len]` into `state`; pads in place (the statement prefix is kept). */
  function digestBuffer(len: number): void {
    const padded = (len + 9 + 63) & ~63
    buf[len] = 0x80
    buf.fill(0, len + 1, padded - 4)
    view.setUint32(padded - 4, len * 8)
    state.set(SHA256_IV)
    for (let off = 0; off < padded; off += 64) {
      for (let j = 0; j < 16; j++) w[j] = view.getInt32(off + 4 * j)
      compressSha256Block(state, w)
    }
  }

  function writeState(out: Uint8Array): void {
    for (let j = 0; j < 8; j++) {
      const v = state[j]!
      out[4 * j] = v >>> 24
      out[4 * j + 1] = v >>> 16
      out[4 * j + 2] = v >>> 8
      out[4 * j + 3] = v
    }
  }

  return {
    statement: fixedStatement,
    label(index, parked, out) {
      view.setUint32(NODE_SIZE, Math.floor(index / 2 ** 32))
      view.setUint32(NODE_SIZE + 4, index >>> 0)
      let len = NODE_SIZE + 8
      let rest = index
      for (let h = 0; rest > 0; h++) {
        if (rest % 2 === 1) {
          const sibling = parked[h]
          if (sibling === undefined) throw new RangeError(`label ${index}: no parked node at height ${h}`)
          buf.set(sibling, len)
          len += NODE_SIZE
        }
        rest = Math.floor(rest / 2)
      }
      chainLabel(len, out)
    },
    labelOfInput(data, out) {
      if (data.length > MAX_INPUT - NODE_SIZE)
        throw new RangeError(`data: at most ${MAX_INPUT - NODE_SIZE} bytes`)
      buf.set(data, NODE_SIZE)
      chainLabel(NODE_SIZE + data.length, out)
    },
    node(left, right, out) {
      buf.set(left, NODE_SIZE)
      buf.set(right, 2 * NODE_SIZE)
      digestBuffer(3 * NODE_SIZE)
      writeState(out)
    },
  }

  function chainLabel(len: number, out: Uint8Array): void {
    digestBuffer(len)
    // The other 399 hashes: a one-block message each, kept in words (iterateSha256.ts).
    iterateSha256(state, LABEL_HASH_NESTING_DEPTH - 1)
    writeState(out)
  }
}
