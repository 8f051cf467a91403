/**
 * The reference `ScanKernel`: the clear AES-128 of `aes128.ts`, one block per label. Slow (it
 * expands the key per block) but obviously right; the WASM kernel must report the same hits.
 */
import { encryptAes128Block } from './aes128.ts'
import { HIT_TIE, type ScanKernel } from './ScanKernel.ts'

export function createTsScanKernel(): ScanKernel {
  return {
    scan(key, labels, msb) {
      if (labels.length % 16 !== 0)
        throw new RangeError(`labels: expected 16-byte units, got ${labels.length}`)
      const hits: number[] = []
      for (let i = 0; i < labels.length / 16; i++) {
        const out = encryptAes128Block(key, labels.subarray(16 * i, 16 * i + 16))
        for (let j = 0; j < 16; j++) {
          const b = out[j]!
          if (b <= msb) hits.push((i << 5) | (j << 1) | (b === msb ? HIT_TIE : 0))
        }
      }
      return Uint32Array.from(hits)
    },
  }
}
