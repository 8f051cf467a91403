import { keccak_512 } from '@noble/hashes/sha3.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { encryptAes128Block } from '../core/post/aes128.ts'
import { computeLabel, computeLabelFull } from '../core/post/computeLabel.ts'
import vectors from '../core/post/fixtures/post-labels.json' with { type: 'json' }
import { loadPostWasm, type PostWasm } from './loadPostWasm.ts'

let wasm: PostWasm
beforeAll(async () => {
  wasm = await loadPostWasm()
})

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number)
  return 0
}

describe('post.wasm labels', () => {
  it('passes every vector in post-labels.json, one label per call', () => {
    for (const v of vectors.vectors) {
      const got = wasm.labels(hexToBytes(v.commitment), v.n, BigInt(v.index), 1)
      expect(bytesToHex(got.labels), `N=${v.n} index=${v.index}`).toBe(v.label)
    }
  })

  it('passes the vectors again when they sit inside a multi-lane batch', () => {
    // Indices 0..3 of the zero commitment at N=8192 are vectors; a batch of 5 runs 4 lanes + 1.
    const zero = new Uint8Array(32)
    const batch = wasm.labels(zero, 8192, 0n, 5)
    for (const v of vectors.vectors.filter(
      (v) => v.n === 8192 && v.commitment === bytesToHex(zero) && v.index < 5,
    )) {
      expect(bytesToHex(batch.labels.subarray(16 * v.index, 16 * v.index + 16))).toBe(v.label)
    }
  })

  it('agrees with the TypeScript reference on random commitments, indices and counts, with the minimum', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 20n }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom(2, 4, 16, 64),
        (commitment, first, count, n) => {
          const got = wasm.labels(commitment, n, first, count)
          let minLabel: Uint8Array | undefined
          let minIndex = -1n
          for (let i = 0; i < count; i++) {
            const full = computeLabelFull(commitment, first + BigInt(i), n)
            expect(bytesToHex(got.labels.subarray(16 * i, 16 * i + 16))).toBe(
              bytesToHex(full.subarray(0, 16)),
            )
            if (minLabel === undefined || compareBytes(full, minLabel) < 0) {
              minLabel = full
              minIndex = first + BigInt(i)
            }
          }
          expect(bytesToHex(got.minLabel)).toBe(bytesToHex(minLabel as Uint8Array))
          expect(got.minIndex).toBe(minIndex)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('agrees with the reference at the u64 boundary', () => {
    const c = hexToBytes(vectors.vectors[0]?.commitment ?? '')
    const last = (1n << 64n) - 1n
    const got = wasm.labels(c, 16, last, 1)
    expect(bytesToHex(got.labels)).toBe(bytesToHex(computeLabel(c, last, 16)))
    expect(() => wasm.labels(c, 16, last, 2)).toThrow('expected label indices within u64')
  })

  it('rejects bad arguments', () => {
    expect(() => wasm.labels(new Uint8Array(31), 16, 0n, 1)).toThrow('expected 32-byte commitment, got 31')
    expect(() => wasm.labels(new Uint8Array(32), 24, 0n, 1)).toThrow('got 24')
    expect(() => wasm.labels(new Uint8Array(32), 16, 0n, 0)).toThrow('got 0')
  })

  it('gives each instance its own memory', async () => {
    const other = await loadPostWasm()
    const c = new Uint8Array(32).fill(9)
    const a = wasm.labels(c, 32, 5n, 6)
    const b = other.labels(c, 32, 5n, 6)
    expect(bytesToHex(b.labels)).toBe(bytesToHex(a.labels))
  })
})

describe('post.wasm Keccak-512', () => {
  it('matches noble keccak_512 (original padding) on lengths around the 72-byte rate', () => {
    for (const len of [0, 1, 71, 72, 73, 143, 144, 200]) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 7 + len) & 0xff)
      expect(bytesToHex(wasm.keccak512(data))).toBe(bytesToHex(keccak_512(data)))
    }
  })
})

describe('post.wasm AES-128', () => {
  it('encrypts the FIPS-197 appendix C.1 block', () => {
    const key = hexToBytes('000102030405060708090a0b0c0d0e0f')
    const block = hexToBytes('00112233445566778899aabbccddeeff')
    expect(bytesToHex(wasm.aes128Encrypt(key, block))).toBe('69c4e0d86a7b0430d8cdb78070b4c55a')
  })

  it('agrees with the TypeScript AES reference on random keys and blocks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (key, block) => {
          expect(bytesToHex(wasm.aes128Encrypt(key, block))).toBe(bytesToHex(encryptAes128Block(key, block)))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('scan reports exactly the bytes below msb and the ties, packed as documented', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer(),
        (key, count, msb, seed) => {
          const labels = Uint8Array.from(
            { length: 16 * count },
            (_, i) => (Math.imul(i + 1, seed | 1) >>> 11) & 0xff,
          )
          const expected: number[] = []
          for (let i = 0; i < count; i++) {
            const out = encryptAes128Block(key, labels.subarray(16 * i, 16 * i + 16))
            for (let j = 0; j < 16; j++) {
              const b = out[j] as number
              if (b <= msb) expected.push((i << 5) | (j << 1) | (b === msb ? 1 : 0))
            }
          }
          expect([...wasm.scan(key, labels, msb)]).toEqual(expected)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('reproduces the post-rs proving vector key usage: nonce 3 qualifies on every third label', () => {
    // post-poet.md §6.2: labels are the repeating bytes 0..11, the group-0 key for pow 0 is given,
    // K1 = 4 over 128 labels gives msb 0x08; nonce 3 collects indices 0, 3, 6, … (32 of them by 93).
    const key = hexToBytes('a6f11e79d0c30fa56e53454c8c6ab6d3')
    const labels = Uint8Array.from({ length: 16 * 128 }, (_, i) => i % 12)
    const hits = [...wasm.scan(key, labels, 0x08)]
    const nonce3 = hits.filter((h) => ((h >> 1) & 15) === 3 && (h & 1) === 0).map((h) => h >>> 5)
    expect(nonce3.slice(0, 32)).toEqual(Array.from({ length: 32 }, (_, i) => 3 * i))
  })
})
