/**
 * A `CurveKernel` that remembers its verification verdicts. Verifying an ed25519 signature or an
 * ECVRF proof is a pure function of its inputs, and the same (key, signature) pair reaches a node
 * more than once: gossip repeats itself, and in the simulator every node checks every ATX and
 * transaction that the others already checked. A hit costs a map lookup instead of ~0.2 ms of
 * point arithmetic and returns exactly what the kernel returned the first time.
 *
 * Bounded: at `capacity` entries per operation the oldest entry is dropped (Map keeps insertion
 * order). Keys are the operands' bytes, so a refilled buffer can never hit a stale entry.
 * Results are shared between hits; callers read them and never write.
 */
import type { CurveKernel } from './curveKernel.ts'

class BoundedMemo<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T
    const value = compute()
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, value)
    return value
  }
}

/** The operands as one string key: each one's length, then its bytes, one char each. */
function keyOf(parts: readonly Uint8Array[]): string {
  let key = ''
  for (const part of parts) {
    key += String.fromCharCode(part.length)
    for (let i = 0; i < part.length; i++) key += String.fromCharCode(part[i]!)
  }
  return key
}

export function memoizeCurveKernel(kernel: CurveKernel, capacity = 1 << 16): CurveKernel {
  if (!Number.isSafeInteger(capacity) || capacity < 1)
    throw new RangeError(`capacity: expected a positive integer, got ${capacity}`)
  const signatures = new BoundedMemo<boolean>(capacity)
  const proofs = new BoundedMemo<ReturnType<CurveKernel['vrfVerifyPoints']>>(capacity)
  return {
    sha512: (...parts) => kernel.sha512(...parts),
    hashToScalar: (...parts) => kernel.hashToScalar(...parts),
    reduceScalar: (wide) => kernel.reduceScalar(wide),
    mulAddScalar: (a, b, c) => kernel.mulAddScalar(a, b, c),
    mulBase: (scalar) => kernel.mulBase(scalar),
    mulBasePair: (a, b) => kernel.mulBasePair(a, b),
    vrfProvePoints: (x, prefix, u) => kernel.vrfProvePoints(x, prefix, u),
    mulCofactor: (point) => kernel.mulCofactor(point),
    verifyEd25519: (publicKey, r, s, k) =>
      signatures.get(keyOf([publicKey, r, s, k]), () => kernel.verifyEd25519(publicKey, r, s, k)),
    vrfVerifyPoints: (publicKey, gamma, c, s, u) =>
      proofs.get(keyOf([publicKey, gamma, c, s, u]), () => kernel.vrfVerifyPoints(publicKey, gamma, c, s, u)),
  }
}
