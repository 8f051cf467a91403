/**
 * Binding for `post.wasm` (built from `wasm/`, see wasm/README.md): the fast PoST labeler and the
 * AES-128 proving scan. Each `PostWasm` owns one WebAssembly instance and its linear memory, so a
 * worker creates its own; calls are synchronous and must not be interleaved across threads.
 */

import { compileWasmAt } from './compileWasmAt.ts'

/** One batch of labels with the VRF-nonce candidate among them (post-poet.md §1.3). */
export type LabelBatch = {
  /** `count` labels of 16 bytes, index `firstIndex + i` at offset 16 i. */
  labels: Uint8Array
  /** The smallest full 32-byte scrypt output of the batch (big-endian byte order comparison). */
  minLabel: Uint8Array
  /** The index whose output is `minLabel` (the earliest one on a tie). */
  minIndex: bigint
}

export interface PostWasm {
  /** Labels `firstIndex … firstIndex + count − 1` for `commitment` with scrypt N = `n`. */
  labels(commitment: Uint8Array, n: number, firstIndex: bigint, count: number): LabelBatch
  /**
   * AES-128-ECB of each 16-byte label under `key16`; one hit per output byte j with
   * `out[j] <= msb`, packed as `(labelOffset << 5) | (j << 1) | isTie` where labelOffset is the
   * label's position in `labels` (0-based), j the nonce within the group (nonce = 16 g + j), and
   * isTie = 1 when `out[j] == msb` (the caller decides those with the per-nonce cipher, §2.3).
   * Hits come in label order, then j ascending. At most 2^27 − 1 labels per call.
   */
  scan(key16: Uint8Array, labels: Uint8Array, msb: number): Uint32Array
  /** AES-128 of one block (for tests against the TS reference). */
  aes128Encrypt(key16: Uint8Array, block16: Uint8Array): Uint8Array
  /** Keccak-512 with the original padding (for tests). */
  keccak512(data: Uint8Array): Uint8Array
}

type Exports = {
  memory: WebAssembly.Memory
  io_buffer(len: number): number
  labels(commitment: number, n: number, first: bigint, count: number, out: number, best: number): number
  aes_scan(key: number, labels: number, count: number, msb: number, hits: number): number
  aes_encrypt(key: number, block: number, out: number): void
  keccak512(ptr: number, len: number, out: number): void
}

const U64_MAX = (1n << 64n) - 1n
const MAX_SCAN_LABELS = 2 ** 27 - 1

let compiled: Promise<WebAssembly.Module> | undefined

function check(bytes: Uint8Array, length: number, name: string): void {
  if (bytes.length !== length) throw new RangeError(`expected ${length}-byte ${name}, got ${bytes.length}`)
}

/**
 * Instantiates `post.wasm`; pass a compiled module (e.g. one posted to a worker) to skip the fetch.
 * Every call returns a fresh instance with its own memory.
 */
export async function loadPostWasm(module?: WebAssembly.Module): Promise<PostWasm> {
  if (module === undefined) {
    compiled ??= compileWasmAt(new URL('./post.wasm', import.meta.url))
    module = await compiled
  }
  const instance = await WebAssembly.instantiate(module, {})
  const x = instance.exports as unknown as Exports

  /** Reserves `len` bytes of I/O memory; views must be re-taken after, as memory may have grown. */
  function io(len: number): number {
    const ptr = x.io_buffer(len)
    if (ptr === 0) throw new RangeError(`post.wasm: cannot grow memory to ${len} bytes of I/O`)
    return ptr
  }
  const heap = () => new Uint8Array(x.memory.buffer)

  return {
    labels(commitment, n, firstIndex, count) {
      check(commitment, 32, 'commitment')
      if (!Number.isInteger(n) || n < 2 || n > 2 ** 24 || (n & (n - 1)) !== 0) {
        throw new RangeError(`expected scrypt N a power of two in 2..2^24, got ${n}`)
      }
      if (!Number.isInteger(count) || count < 1 || count > 2 ** 24) {
        throw new RangeError(`expected label count in 1..2^24, got ${count}`)
      }
      if (firstIndex < 0n || firstIndex + BigInt(count) - 1n > U64_MAX) {
        throw new RangeError(`expected label indices within u64, got ${firstIndex} + ${count}`)
      }
      // Layout: [commitment 32][best 32 + index 8][labels 16 × count].
      const base = io(72 + 16 * count)
      heap().set(commitment, base)
      const rc = x.labels(base, n, firstIndex, count, base + 72, base + 32)
      if (rc === 2) throw new RangeError(`post.wasm: cannot allocate scrypt scratch for N=${n}`)
      if (rc !== 0) throw new RangeError(`post.wasm: labels failed with code ${rc}`)
      const mem = heap()
      const labels = mem.slice(base + 72, base + 72 + 16 * count)
      const minLabel = mem.slice(base + 32, base + 64)
      const minIndex = new DataView(mem.buffer).getBigUint64(base + 64, true)
      return { labels, minLabel, minIndex }
    },

    scan(key16, labels, msb) {
      check(key16, 16, 'AES key')
      if (labels.length % 16 !== 0)
        throw new RangeError(`expected labels in 16-byte units, got ${labels.length} bytes`)
      const count = labels.length / 16
      if (count > MAX_SCAN_LABELS)
        throw new RangeError(`expected at most ${MAX_SCAN_LABELS} labels, got ${count}`)
      if (!Number.isInteger(msb) || msb < 0 || msb > 255)
        throw new RangeError(`expected msb in 0..255, got ${msb}`)
      // Layout: [key 16][labels 16 × count][hits: up to 16 u32 per label].
      const base = io(16 + 16 * count + 64 * count)
      const mem = heap()
      mem.set(key16, base)
      mem.set(labels, base + 16)
      const hitsAt = base + 16 + 16 * count
      const found = x.aes_scan(base, base + 16, count, msb, hitsAt)
      return new Uint32Array(x.memory.buffer.slice(hitsAt, hitsAt + 4 * found))
    },

    aes128Encrypt(key16, block16) {
      check(key16, 16, 'AES key')
      check(block16, 16, 'AES block')
      const base = io(48)
      heap().set(key16, base)
      heap().set(block16, base + 16)
      x.aes_encrypt(base, base + 16, base + 32)
      return heap().slice(base + 32, base + 48)
    },

    keccak512(data) {
      const base = io(64 + data.length)
      heap().set(data, base + 64)
      x.keccak512(base + 64, data.length, base)
      return heap().slice(base, base + 64)
    },
  }
}
