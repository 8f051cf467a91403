/**
 * Binding for `curve.wasm` (built from `wasm/curve/`, see wasm/README.md): the edwards25519 point
 * arithmetic behind ed25519 and ECVRF as a `CurveKernel` for `useCurveKernel`. Calls are
 * synchronous; each kernel owns one instance, whose 256-byte I/O area holds the operands.
 */
import type { CurveKernel } from '../core/crypto/curveKernel.ts'

type Exports = {
  memory: WebAssembly.Memory
  io(): number
  init(): void
  base_mul(s: number, out: number): number
  base_mul2(a: number, b: number, out: number): number
  ed25519_verify(a: number, r: number, s: number, k: number): number
  vrf_prove(x: number, prefix: number, u: number, out: number): number
  vrf_verify(pk: number, gamma: number, c: number, s: number, u: number, out: number): number
  mul_cofactor(p: number, out: number): number
  sha512_reset(): void
  sha512_update(ptr: number, len: number): void
  sha512_finish(out: number): void
  sha512_finish_scalar(out: number): void
  scalar_reduce(x: number, out: number): void
  scalar_mul_add(a: number, b: number, c: number, out: number): void
}

// Offsets in the 1024-byte I/O area: five 32-byte operands, up to 96 bytes of output, then
// chunks of hash input.
const IO_LENGTH = 1024
const IN = [0, 32, 64, 96, 128] as const
const OUT = 160
const CHUNK = 256
const CHUNK_LENGTH = IO_LENGTH - CHUNK

function isBytes(value: unknown, length: number): value is Uint8Array {
  return value instanceof Uint8Array && value.length === length
}

function checkScalar(value: Uint8Array, name: string): void {
  if (!(value instanceof Uint8Array) || value.length !== 32) {
    throw new RangeError(`${name}: expected 32-byte scalar, got ${(value as Uint8Array | undefined)?.length}`)
  }
  if (value[31]! >= 0x80) throw new RangeError(`${name}: expected a scalar below 2^255, got bit 255 set`)
}

/** Wraps an instance of curve.wasm (from `WebAssembly.instantiate` or `new WebAssembly.Instance`). */
export function curveKernelFromInstance(instance: WebAssembly.Instance): CurveKernel {
  const x = instance.exports as unknown as Exports
  x.init()
  const base = x.io()
  let view = new Uint8Array(x.memory.buffer, base, IO_LENGTH)
  function io(): Uint8Array {
    if (view.buffer !== x.memory.buffer) view = new Uint8Array(x.memory.buffer, base, IO_LENGTH)
    return view
  }
  function put(slot: number, bytes: Uint8Array): void {
    io().set(bytes, IN[slot])
  }
  function out(offset: number): Uint8Array {
    return io().slice(OUT + offset, OUT + offset + 32)
  }
  /** Starts a SHA-512 and feeds it the parts, in chunks through the I/O area. */
  function feed(parts: Uint8Array[]): void {
    x.sha512_reset()
    for (const part of parts) {
      if (!(part instanceof Uint8Array)) throw new TypeError('sha512: expected Uint8Array parts')
      for (let at = 0; at < part.length; at += CHUNK_LENGTH) {
        const chunk = part.subarray(at, at + CHUNK_LENGTH)
        io().set(chunk, CHUNK)
        x.sha512_update(CHUNK, chunk.length)
      }
    }
  }

  return {
    sha512(...parts) {
      feed(parts)
      x.sha512_finish(OUT)
      return io().slice(OUT, OUT + 64)
    },
    hashToScalar(...parts) {
      feed(parts)
      x.sha512_finish_scalar(OUT)
      return out(0)
    },
    reduceScalar(wide) {
      if (!isBytes(wide, 64))
        throw new RangeError(`wide: expected 64 bytes, got ${(wide as Uint8Array | undefined)?.length}`)
      io().set(wide, IN[0])
      x.scalar_reduce(IN[0], OUT)
      return out(0)
    },
    mulAddScalar(a, b, c) {
      for (const [v, n] of [
        [a, 'a'],
        [b, 'b'],
        [c, 'c'],
      ] as const) {
        if (!isBytes(v, 32))
          throw new RangeError(`${n}: expected 32 bytes, got ${(v as Uint8Array | undefined)?.length}`)
      }
      put(0, a)
      put(1, b)
      put(2, c)
      x.scalar_mul_add(IN[0], IN[1], IN[2], OUT)
      return out(0)
    },
    mulBase(scalar) {
      checkScalar(scalar, 'scalar')
      put(0, scalar)
      x.base_mul(IN[0], OUT)
      return out(0)
    },
    mulBasePair(a, b) {
      checkScalar(a, 'a')
      checkScalar(b, 'b')
      put(0, a)
      put(1, b)
      x.base_mul2(IN[0], IN[1], OUT)
      return { a: out(0), b: out(32) }
    },
    verifyEd25519(publicKey, r, s, k) {
      if (!isBytes(publicKey, 32) || !isBytes(r, 32) || !isBytes(s, 32) || !isBytes(k, 32)) return false
      put(0, publicKey)
      put(1, r)
      put(2, s)
      put(3, k)
      return x.ed25519_verify(IN[0], IN[1], IN[2], IN[3]) === 1
    },
    vrfProvePoints(scalar, prefix, u) {
      checkScalar(scalar, 'x')
      if (!isBytes(prefix, 32))
        throw new RangeError(`prefix: expected 32 bytes, got ${(prefix as Uint8Array | undefined)?.length}`)
      if (!isBytes(u, 32))
        throw new RangeError(`u: expected 32 bytes, got ${(u as Uint8Array | undefined)?.length}`)
      put(0, scalar)
      put(1, prefix)
      put(2, u)
      // Five 32-byte results: wider than the operand area's output slot, so they go to the chunk area.
      if (x.vrf_prove(IN[0], IN[1], IN[2], CHUNK) !== 0) {
        throw new RangeError('u: expected a field element below 2^255 - 19')
      }
      const at = (i: number) => io().slice(CHUNK + 32 * i, CHUNK + 32 * i + 32)
      return { h: at(0), gamma: at(1), k: at(2), kB: at(3), kH: at(4) }
    },
    vrfVerifyPoints(publicKey, gamma, c, s, u) {
      if (!isBytes(publicKey, 32) || !isBytes(gamma, 32) || !isBytes(c, 16) || !isBytes(s, 32))
        return undefined
      if (!isBytes(u, 32)) return undefined
      put(0, publicKey)
      put(1, gamma)
      const mem = io()
      mem.fill(0, IN[2], IN[2] + 32)
      mem.set(c, IN[2])
      put(3, s)
      put(4, u)
      const ok = x.vrf_verify(IN[0], IN[1], IN[2], IN[3], IN[4], OUT)
      return ok === 1 ? { h: out(0), u: out(32), v: out(64) } : undefined
    },
    mulCofactor(point) {
      if (!isBytes(point, 32)) return undefined
      put(0, point)
      return x.mul_cofactor(IN[0], OUT) === 0 ? out(0) : undefined
    },
  }
}

/**
 * Compiles and instantiates curve.wasm synchronously (Node, workers; a browser main thread
 * should use `loadCurveKernel`, since large synchronous compiles are refused there).
 */
export function instantiateCurveKernel(source: BufferSource | WebAssembly.Module): CurveKernel {
  const module = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source)
  return curveKernelFromInstance(new WebAssembly.Instance(module, {}))
}
