/**
 * An optional accelerator for the edwards25519 point arithmetic behind `signing.ts` and `vrf.ts`.
 *
 * The core stays pure: it never loads WebAssembly itself. A composition root (the CLI, a bench,
 * the vitest setup, a browser worker) instantiates an implementation — `src/curve-wasm` compiles
 * one from Rust — and installs it with `useCurveKernel`. Without one, the @noble/curves code in
 * signing.ts and vrf.ts runs; that path is the reference, and the tests check that both produce
 * byte-identical signatures, proofs and verdicts. Installing a kernel therefore changes speed,
 * never results, which is why it may live in module state.
 *
 * The operations are coarse so that one call does a whole verification's point work. The
 * protocol steps (expand_message_xmd, nonces, challenges) stay in TypeScript; the SHA-512 and
 * the arithmetic mod L they call run in the kernel too.
 * Scalars are 32-byte little-endian integers; a kernel may reject one ≥ 2^255 by throwing
 * (callers pass values reduced mod L), but must never throw on any point or signature bytes.
 */

export interface CurveKernel {
  /** SHA-512 (FIPS 180-4) of the concatenated parts. */
  sha512(...parts: Uint8Array[]): Uint8Array
  /** SHA-512 of the parts as a little-endian integer, mod L (32 bytes). */
  hashToScalar(...parts: Uint8Array[]): Uint8Array
  /** A 64-byte little-endian integer mod L. */
  reduceScalar(wide: Uint8Array): Uint8Array
  /** (a·b + c) mod L for 32-byte little-endian a, b, c. */
  mulAddScalar(a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array
  /** The canonical encoding of [scalar]B (B the ed25519 base point); scalar below 2^255. */
  mulBase(scalar: Uint8Array): Uint8Array
  /** `mulBase` of two scalars at once (one field inversion for both encodings). */
  mulBasePair(a: Uint8Array, b: Uint8Array): { a: Uint8Array; b: Uint8Array }
  /**
   * curve25519-voi's VerifyOptionsDefault equation for a signature (R, s) by A with the challenge
   * k = SHA-512(R ‖ A ‖ M) mod L: false unless A and R are canonical point encodings, A is not of
   * small order and s < L, and then whether [8]([s]B − R − [k]A) is the identity.
   */
  verifyEd25519(publicKey: Uint8Array, r: Uint8Array, s: Uint8Array, k: Uint8Array): boolean
  /**
   * ECVRF prove's point work (RFC 9381 §5.1): H = encode_to_curve's map_to_curve(u) with the
   * cofactor cleared (u the 32-byte little-endian field element from hash_to_field, below p),
   * Gamma = [x]H, the nonce k = SHA-512(prefix ‖ H) mod L (§5.4.2.2), [k]B and [k]H.
   */
  vrfProvePoints(
    x: Uint8Array,
    prefix: Uint8Array,
    u: Uint8Array,
  ): { h: Uint8Array; gamma: Uint8Array; k: Uint8Array; kB: Uint8Array; kH: Uint8Array }
  /**
   * ECVRF verify's point work: undefined unless the public key and Gamma are canonical, the key
   * is not of small order and s < L; else H = map_to_curve(u), U = [s]B − [c]Y and
   * V = [s]H − [c]Gamma. `c` is the 16-byte challenge.
   */
  vrfVerifyPoints(
    publicKey: Uint8Array,
    gamma: Uint8Array,
    c: Uint8Array,
    s: Uint8Array,
    u: Uint8Array,
  ): { h: Uint8Array; u: Uint8Array; v: Uint8Array } | undefined
  /** [8]P for a canonical point encoding, undefined for anything else. */
  mulCofactor(point: Uint8Array): Uint8Array | undefined
}

let installed: CurveKernel | undefined

/** Installs (or, with undefined, removes) the accelerator; returns the one it replaced. */
export function useCurveKernel(kernel: CurveKernel | undefined): CurveKernel | undefined {
  const previous = installed
  installed = kernel
  return previous
}

/** The installed accelerator, if any. */
export function currentCurveKernel(): CurveKernel | undefined {
  return installed
}
