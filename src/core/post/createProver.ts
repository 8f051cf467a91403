/**
 * The proving scan as a state machine without I/O (post-rs `prove.rs` `Prover8_56`): the caller
 * feeds label batches in any order it likes, each label once, and gets a proof back as soon as
 * some nonce of the range has collected K2 qualifying labels.
 *
 * Per nonce group g (16 nonces) one AES-128 block per label under the group key; output byte j
 * decides label i for nonce 16g + j: below the difficulty's msb it qualifies, equal to it the
 * nonce's own ("lazy") cipher decides on the low 56 bits (post-poet.md §2.1, §2.3). The proof is
 * (nonce, its K2 indices in scan order, the group's pow). Scan order differs between
 * implementations, so proofs are compared by verification, not by bytes.
 */
import { encryptAes128Block } from './aes128.ts'
import { compressIndices, countIndexBits } from './compressIndices.ts'
import { computeProvingDifficulty } from './computeProvingDifficulty.ts'
import { createTsScanKernel } from './createTsScanKernel.ts'
import { deriveCipherKey } from './deriveCipherKey.ts'
import type { PostProof } from './PostProof.ts'
import { HIT_TIE, type ScanKernel } from './ScanKernel.ts'

/** Nonces served by one AES block (post-rs `NONCES_PER_AES`). */
export const NONCES_PER_GROUP = 16
/** Nonce groups are a u8 in the k2pow input, so nonces stay below 256 × 16. */
export const MAX_NONCES = 256 * NONCES_PER_GROUP

export interface ProverParameters {
  readonly challenge: Uint8Array
  readonly numLabels: number
  readonly k1: number
  readonly k2: number
  /** First nonce of the pass, a multiple of 16. */
  readonly nonceStart: number
  /** Nonces in the pass, a positive multiple of 16 (`provingNonces`). */
  readonly nonceCount: number
  /** The k2pow solution of each nonce group of the pass, in order (`solveK2Pow`). */
  readonly pows: readonly bigint[]
  readonly kernel?: ScanKernel
}

export interface Prover {
  /** Scans labels `startIndex …`; returns the proof once a nonce reaches K2 (and keeps it). */
  onLabels(startIndex: number, labels: Uint8Array): PostProof | undefined
  readonly proof: PostProof | undefined
}

const LSB_MASK = (1n << 56n) - 1n

export function createProver(p: ProverParameters): Prover {
  const { challenge, numLabels, k2, nonceStart, nonceCount, pows } = p
  if (challenge.length !== 32) throw new RangeError(`challenge: expected 32 bytes, got ${challenge.length}`)
  if (nonceStart % NONCES_PER_GROUP !== 0 || nonceCount <= 0 || nonceCount % NONCES_PER_GROUP !== 0) {
    throw new RangeError(`nonces: expected multiples of 16, got start ${nonceStart} count ${nonceCount}`)
  }
  if (nonceStart + nonceCount > MAX_NONCES) {
    throw new RangeError(`nonces: expected below ${MAX_NONCES}, got up to ${nonceStart + nonceCount}`)
  }
  const firstGroup = nonceStart / NONCES_PER_GROUP
  const groups = nonceCount / NONCES_PER_GROUP
  if (pows.length !== groups) throw new RangeError(`pows: expected ${groups}, got ${pows.length}`)
  if (!Number.isInteger(k2) || k2 < 1) throw new RangeError(`k2: expected a positive integer, got ${k2}`)
  const { msb, lsb } = computeProvingDifficulty(p.k1, numLabels)
  const kernel = p.kernel ?? createTsScanKernel()
  const groupKeys = pows.map((pow, g) => deriveCipherKey(challenge, firstGroup + g, pow))
  const lazyKeys = new Map<number, Uint8Array>()
  const found: number[][] = Array.from({ length: nonceCount }, () => [])
  let proof: PostProof | undefined
  const bits = countIndexBits(numLabels)

  // The tie path: a second AES block under the nonce's own key, its first 8 bytes as a u64le.
  const winsTie = (nonce: number, pow: bigint, label: Uint8Array): boolean => {
    let key = lazyKeys.get(nonce)
    if (key === undefined) {
      key = deriveCipherKey(challenge, Math.floor(nonce / NONCES_PER_GROUP), pow, nonce)
      lazyKeys.set(nonce, key)
    }
    const out = encryptAes128Block(key, label)
    const low = new DataView(out.buffer, out.byteOffset, 8).getBigUint64(0, true)
    return (low & LSB_MASK) < lsb
  }

  return {
    get proof() {
      return proof
    },
    onLabels(startIndex, labels) {
      if (proof !== undefined) return proof
      if (labels.length % 16 !== 0)
        throw new RangeError(`labels: expected a multiple of 16 bytes, got ${labels.length}`)
      if (
        !Number.isSafeInteger(startIndex) ||
        startIndex < 0 ||
        startIndex + labels.length / 16 > numLabels
      ) {
        throw new RangeError(`labels ${startIndex}+${labels.length / 16}: expected within 0..${numLabels}`)
      }
      for (let g = 0; g < groups; g++) {
        const hits = kernel.scan(groupKeys[g]!, labels, msb)
        for (const hit of hits) {
          const labelOffset = hit >>> 5
          const nonceOffset = g * NONCES_PER_GROUP + ((hit >>> 1) & 15)
          const nonce = nonceStart + nonceOffset
          if (hit & HIT_TIE) {
            const label = labels.subarray(labelOffset * 16, labelOffset * 16 + 16)
            if (!winsTie(nonce, pows[g]!, label)) continue
          }
          const list = found[nonceOffset]!
          list.push(startIndex + labelOffset)
          if (list.length === k2) {
            proof = { nonce, indices: compressIndices(list, bits), pow: pows[g]! }
            return proof
          }
        }
      }
      return undefined
    },
  }
}
