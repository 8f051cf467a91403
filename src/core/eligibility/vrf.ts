// TEMPORARY stand-in until src/core/crypto/vrf.ts (ECVRF-EDWARDS25519-SHA512-ELL2) lands.
import { ed25519 } from '@noble/curves/ed25519.js'
import { hash32 } from '../crypto/hash.ts'

export function vrfProve(secretSeed: Uint8Array, alpha: Uint8Array): Uint8Array {
  const sig = ed25519.sign(alpha, secretSeed)
  const out = new Uint8Array(80)
  out.set(sig)
  out.set(hash32(sig).subarray(0, 16), 64)
  return out
}

export function vrfVerify(publicKey: Uint8Array, alpha: Uint8Array, proof: Uint8Array): boolean {
  if (proof.length !== 80) return false
  try {
    const sig = proof.subarray(0, 64)
    const tag = hash32(sig).subarray(0, 16)
    if (!tag.every((b, i) => b === proof[64 + i])) return false
    return ed25519.verify(sig, alpha, publicKey, { zip215: false })
  } catch {
    return false
  }
}
