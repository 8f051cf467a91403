/**
 * SCALE as go-spacemesh encodes it (spacemeshos/go-scale): compact integers, little-endian
 * fixed-width integers, raw fixed-size byte arrays, length-prefixed byte strings and lists with a
 * bound on every length, options as a presence byte, structs as their fields in order.
 *
 * A codec is declared once and is the single source of truth for a wire type; its TypeScript
 * type is derived with `Infer<typeof codec>`.
 *
 * Decoding is strict where go-scale is lax: booleans and option flags must be 0 or 1, and every
 * compact integer must use the shortest mode (go-scale's compact64 accepts a padded big mode;
 * `compact64Lax` reproduces that for data whose raw bytes are signed, such as transactions).
 */
import { DecodeError } from './DecodeError.ts'

export class Writer {
  private buf = new Uint8Array(64)
  private len = 0

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }

  byte(b: number): void {
    this.reserve(1)
    this.buf[this.len++] = b
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len)
  }
}

export class Reader {
  offset = 0
  constructor(readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.offset
  }

  byte(): number {
    if (this.offset >= this.data.length)
      throw new DecodeError('TRUNCATED', 'unexpected end of input', this.offset)
    return this.data[this.offset++]!
  }

  bytes(n: number): Uint8Array {
    if (n > this.remaining) {
      throw new DecodeError('TRUNCATED', `expected ${n} bytes, ${this.remaining} left`, this.offset)
    }
    const out = this.data.slice(this.offset, this.offset + n)
    this.offset += n
    return out
  }
}

export interface Codec<T> {
  encode(w: Writer, value: T): void
  decode(r: Reader): T
}

export type Infer<C> = C extends Codec<infer T> ? T : never

/** Encodes one value to bytes. */
export function encode<T>(codec: Codec<T>, value: T): Uint8Array {
  const w = new Writer()
  codec.encode(w, value)
  return w.finish()
}

/** Decodes exactly one value: trailing bytes are an error, as in go-spacemesh `codec.Decode`. */
export function decode<T>(codec: Codec<T>, data: Uint8Array): T {
  const r = new Reader(data)
  const value = codec.decode(r)
  if (r.remaining !== 0)
    throw new DecodeError('TRAILING_BYTES', `${r.remaining} bytes after the value`, r.offset)
  return value
}

/** Decodes one value from the start of `data` and reports how many bytes it used (streams). */
export function decodePrefix<T>(codec: Codec<T>, data: Uint8Array): { value: T; bytesRead: number } {
  const r = new Reader(data)
  const value = codec.decode(r)
  return { value, bytesRead: r.offset }
}

// ---------------------------------------------------------------------------------------------
// Compact integers. Mode in the low two bits of the first byte: 00 one byte (v < 2^6),
// 01 two bytes (v < 2^14), 10 four bytes (v < 2^30), 11 big mode: ((n - 4) << 2 | 3) then n
// little-endian bytes, n minimal and at least 4.

function encodeCompact(w: Writer, v: bigint): void {
  if (v < 0n) throw new RangeError(`compact: expected a non-negative integer, got ${v}`)
  if (v < 1n << 6n) {
    w.byte(Number(v << 2n))
  } else if (v < 1n << 14n) {
    const x = Number((v << 2n) | 1n)
    w.byte(x & 0xff)
    w.byte(x >>> 8)
  } else if (v < 1n << 30n) {
    const x = Number((v << 2n) | 2n)
    for (let i = 0; i < 4; i++) w.byte((x >>> (8 * i)) & 0xff)
  } else {
    const out: number[] = []
    for (let x = v; x > 0n; x >>= 8n) out.push(Number(x & 0xffn))
    while (out.length < 4) out.push(0)
    if (out.length > 67) throw new RangeError('compact: value too large')
    w.byte(((out.length - 4) << 2) | 3)
    for (const b of out) w.byte(b)
  }
}

function decodeCompact(r: Reader, maxBytes: number, lax = false): bigint {
  const start = r.offset
  const first = r.byte()
  const mode = first & 3
  let v: bigint
  if (mode === 0) return BigInt(first >>> 2)
  if (mode === 1) {
    v = BigInt((first | (r.byte() << 8)) >>> 2)
    if (v < 1n << 6n) throw new DecodeError('NON_CANONICAL', `compact ${v} in 2-byte mode`, start)
    return v
  }
  if (mode === 2) {
    if (maxBytes < 2) throw new DecodeError('OUT_OF_RANGE', 'compact 4-byte mode for an 8-bit value', start)
    const b = r.bytes(3)
    v = BigInt(((first | (b[0]! << 8) | (b[1]! << 16) | (b[2]! << 24)) >>> 2) >>> 0)
    if (v < 1n << 14n) throw new DecodeError('NON_CANONICAL', `compact ${v} in 4-byte mode`, start)
    return v
  }
  const n = (first >>> 2) + 4
  if (n > maxBytes)
    throw new DecodeError('OUT_OF_RANGE', `compact of ${n} bytes for a ${maxBytes}-byte value`, start)
  const b = r.bytes(n)
  v = 0n
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!)
  if (v < 1n << 30n || (!lax && n > 4 && b[n - 1] === 0)) {
    throw new DecodeError('NON_CANONICAL', `compact ${v} in ${n}-byte big mode`, start)
  }
  return v
}

function compactNumber(maxBytes: number, max: number): Codec<number> {
  return {
    encode(w, v) {
      if (!Number.isInteger(v) || v < 0 || v > max)
        throw new RangeError(`compact: expected an integer in 0..${max}, got ${v}`)
      encodeCompact(w, BigInt(v))
    },
    decode(r) {
      const start = r.offset
      const v = decodeCompact(r, maxBytes)
      if (v > BigInt(max)) throw new DecodeError('OUT_OF_RANGE', `compact ${v} above ${max}`, start)
      return Number(v)
    },
  }
}

export const compact8 = compactNumber(1, 0xff)
export const compact16 = compactNumber(2, 0xffff)
export const compact32 = compactNumber(4, 0xffff_ffff)

export const compact64: Codec<bigint> = {
  encode(w, v) {
    if (v < 0n || v >= 1n << 64n) throw new RangeError(`compact64: expected 0..2^64-1, got ${v}`)
    encodeCompact(w, v)
  },
  decode: (r) => decodeCompact(r, 8),
}

/**
 * compact64 exactly as go-scale decodes it: big mode must hold a value ≥ 2^30 but may carry
 * trailing zero bytes (n need not be minimal). Use it where the raw bytes themselves are signed
 * and hashed rather than re-encoded — transactions — so that we accept exactly the transactions
 * go-spacemesh accepts: refusing a padded nonce that go accepts would fork our state from theirs.
 * Encoding is always canonical.
 */
export const compact64Lax: Codec<bigint> = {
  encode: compact64.encode,
  decode: (r) => decodeCompact(r, 8, true),
}

// ---------------------------------------------------------------------------------------------
// Fixed-width little-endian integers (rare in go-spacemesh: merkle leaves, opinion heights).

function fixedNumber(bytes: 1 | 2 | 4): Codec<number> {
  const max = 2 ** (8 * bytes) - 1
  return {
    encode(w, v) {
      if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`u${8 * bytes}: got ${v}`)
      for (let i = 0; i < bytes; i++) w.byte(Math.floor(v / 2 ** (8 * i)) & 0xff)
    },
    decode(r) {
      let v = 0
      for (let i = 0; i < bytes; i++) v += r.byte() * 2 ** (8 * i)
      return v
    },
  }
}

export const u8 = fixedNumber(1)
export const u16 = fixedNumber(2)
export const u32 = fixedNumber(4)

export const u64: Codec<bigint> = {
  encode(w, v) {
    if (v < 0n || v >= 1n << 64n) throw new RangeError(`u64: got ${v}`)
    for (let i = 0n; i < 8n; i++) w.byte(Number((v >> (8n * i)) & 0xffn))
  },
  decode(r) {
    const b = r.bytes(8)
    let v = 0n
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!)
    return v
  },
}

export const bool: Codec<boolean> = {
  encode: (w, v) => w.byte(v ? 1 : 0),
  decode(r) {
    const start = r.offset
    const b = r.byte()
    if (b > 1) throw new DecodeError('INVALID_VALUE', `boolean byte ${b}`, start)
    return b === 1
  },
}

// ---------------------------------------------------------------------------------------------
// Byte strings and collections.

/** Raw fixed-size bytes (hashes, node ids, addresses, signatures): no length prefix. */
export function fixedBytes(size: number): Codec<Uint8Array> {
  return {
    encode(w, v) {
      if (v.length !== size) throw new RangeError(`expected ${size} bytes, got ${v.length}`)
      w.bytes(v)
    },
    decode: (r) => r.bytes(size),
  }
}

/** compact32 length then bytes, at most `max` (go-scale `scale:"max=N"`). */
export function bytes(max: number): Codec<Uint8Array> {
  return {
    encode(w, v) {
      if (v.length > max) throw new RangeError(`expected at most ${max} bytes, got ${v.length}`)
      compact32.encode(w, v.length)
      w.bytes(v)
    },
    decode(r) {
      const start = r.offset
      const n = compact32.decode(r)
      if (n > max) throw new DecodeError('TOO_LONG', `${n} bytes, at most ${max} allowed`, start)
      return r.bytes(n)
    },
  }
}

/** compact32 count then items, at most `max`. */
export function list<T>(item: Codec<T>, max: number): Codec<T[]> {
  return {
    encode(w, v) {
      if (v.length > max) throw new RangeError(`expected at most ${max} items, got ${v.length}`)
      compact32.encode(w, v.length)
      for (const x of v) item.encode(w, x)
    },
    decode(r) {
      const start = r.offset
      const n = compact32.decode(r)
      if (n > max) throw new DecodeError('TOO_LONG', `${n} items, at most ${max} allowed`, start)
      // Every item takes at least one byte: refuse a count the input cannot hold before looping.
      if (n > r.remaining)
        throw new DecodeError('TRUNCATED', `${n} items but ${r.remaining} bytes left`, start)
      const out: T[] = []
      for (let i = 0; i < n; i++) out.push(item.decode(r))
      return out
    },
  }
}

/** Exactly `size` items, no count (go-scale struct arrays). */
export function array<T>(item: Codec<T>, size: number): Codec<T[]> {
  return {
    encode(w, v) {
      if (v.length !== size) throw new RangeError(`expected ${size} items, got ${v.length}`)
      for (const x of v) item.encode(w, x)
    },
    decode(r) {
      const out: T[] = []
      for (let i = 0; i < size; i++) out.push(item.decode(r))
      return out
    },
  }
}

/** Presence byte (0 or 1) then the value. */
export function option<T>(inner: Codec<T>): Codec<T | undefined> {
  return {
    encode(w, v) {
      if (v === undefined) {
        w.byte(0)
      } else {
        w.byte(1)
        inner.encode(w, v)
      }
    },
    decode(r) {
      const start = r.offset
      const tag = r.byte()
      if (tag === 0) return undefined
      if (tag === 1) return inner.decode(r)
      throw new DecodeError('INVALID_TAG', `option tag ${tag}`, start)
    },
  }
}

type Fields = Record<string, Codec<unknown>>
type StructOf<F extends Fields> = { [K in keyof F]: Infer<F[K]> }

/** Fields in declaration order, no framing. */
export function struct<F extends Fields>(fields: F): Codec<StructOf<F>> {
  const entries = Object.entries(fields)
  return {
    encode(w, v) {
      for (const [k, c] of entries) c.encode(w, (v as Record<string, unknown>)[k])
    },
    decode(r) {
      const out: Record<string, unknown> = {}
      for (const [k, c] of entries) out[k] = c.decode(r)
      return out as StructOf<F>
    },
  }
}

type Variants = Record<string, readonly [tag: number, codec: Codec<unknown>]>
type EnumOf<V extends Variants> = { [K in keyof V]: { kind: K; value: Infer<V[K][1]> } }[keyof V]

/** A one-byte tag then the variant's value: `{ kind, value }`. */
export function taggedUnion<V extends Variants>(variants: V): Codec<EnumOf<V>> {
  const byTag = new Map<number, [string, Codec<unknown>]>()
  for (const [kind, [tag, c]] of Object.entries(variants)) byTag.set(tag, [kind, c])
  return {
    encode(w, v) {
      const variant = variants[v.kind as string]
      if (variant === undefined) throw new RangeError(`unknown variant ${String(v.kind)}`)
      w.byte(variant[0])
      variant[1].encode(w, v.value)
    },
    decode(r) {
      const start = r.offset
      const tag = r.byte()
      const variant = byTag.get(tag)
      if (variant === undefined) throw new DecodeError('INVALID_TAG', `unknown tag ${tag}`, start)
      return { kind: variant[0], value: variant[1].decode(r) } as EnumOf<V>
    },
  }
}

/** Maps a codec's value through a pair of pure functions (`decode` may throw DecodeError). */
export function mapped<A, B>(inner: Codec<A>, to: (a: A) => B, from: (b: B) => A): Codec<B> {
  return {
    encode: (w, v) => inner.encode(w, from(v)),
    decode: (r) => to(inner.decode(r)),
  }
}

/** Defers a codec's construction, for recursive types. */
export function lazy<T>(make: () => Codec<T>): Codec<T> {
  let c: Codec<T> | undefined
  return {
    encode: (w, v) => (c ??= make()).encode(w, v),
    decode: (r) => (c ??= make()).decode(r),
  }
}
