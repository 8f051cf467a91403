import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzDecoder } from '../../testing/fuzzDecoder.ts'
import { thrownCode } from '../../testing/thrownCode.ts'
import {
  array,
  bool,
  bytes,
  type Codec,
  compact8,
  compact16,
  compact32,
  compact64,
  compact64Lax,
  DecodeError,
  decode,
  decodePrefix,
  encode,
  fixedBytes,
  lazy,
  list,
  mapped,
  option,
  struct,
  taggedUnion,
  u8,
  u16,
  u32,
  u64,
} from './index.ts'

const codeOf = (f: () => unknown) => thrownCode(DecodeError, f)

const hex = <T>(c: Codec<T>, v: T) => bytesToHex(encode(c, v))
const dec = <T>(c: Codec<T>, h: string) => decode(c, hexToBytes(h))

describe('compact integers: go-scale v1.2.1 examples/golden/U{8,16,32,64}.json', () => {
  it('encodes and decodes the golden values', () => {
    const golden: [Codec<number>, number, string][] = [
      [compact8, 0, '00'],
      [compact8, 63, 'fc'],
      [compact8, 64, '0101'],
      [compact8, 255, 'fd03'],
      [compact16, 64, '0101'],
      [compact16, 16383, 'fdff'],
      [compact32, 64, '0101'],
      [compact32, 16383, 'fdff'],
      [compact32, 100000, '821a0600'],
    ]
    for (const [c, v, h] of golden) {
      expect(hex(c, v)).toBe(h)
      expect(dec(c, h)).toBe(v)
    }
    for (const [v, h] of [
      [64n, '0101'],
      [16383n, 'fdff'],
      [4294967296n, '070000000001'],
    ] as const) {
      expect(hex(compact64, v)).toBe(h)
      expect(dec(compact64, h)).toBe(v)
    }
  })

  it('rejects the golden errors', () => {
    expect(codeOf(() => dec(compact8, 'fd00'))).toBe('NON_CANONICAL') // 63 in 2-byte mode
    expect(codeOf(() => dec(compact8, '0104'))).toBe('OUT_OF_RANGE') // 256
    expect(codeOf(() => dec(compact8, '821a0600'))).toBe('OUT_OF_RANGE') // overflows uint8
    expect(codeOf(() => dec(compact16, 'fd00'))).toBe('NON_CANONICAL')
    expect(codeOf(() => dec(compact16, '821a0600'))).toBe('OUT_OF_RANGE') // 100000
    expect(codeOf(() => dec(compact16, '170000000001'))).toBe('OUT_OF_RANGE')
    expect(codeOf(() => dec(compact32, 'fd00'))).toBe('NON_CANONICAL')
    expect(codeOf(() => dec(compact32, '070000000001'))).toBe('OUT_OF_RANGE') // needs 5 bytes
    expect(codeOf(() => dec(compact64, 'ff'))).toBe('OUT_OF_RANGE') // needs 67 bytes
  })
})

describe('compact integers: boundaries', () => {
  const cases: [bigint, string][] = [
    [0n, '00'],
    [63n, 'fc'],
    [64n, '0101'],
    [2n ** 14n - 1n, 'fdff'],
    [2n ** 14n, '02000100'],
    [2n ** 30n - 1n, 'feffffff'],
    [2n ** 30n, '0300000040'],
    [2n ** 32n - 1n, '03ffffffff'],
    [2n ** 32n, '070000000001'],
    [2n ** 64n - 1n, '13ffffffffffffffff'],
  ]

  it('uses the shortest mode at every boundary', () => {
    for (const [v, h] of cases) {
      expect(hex(compact64, v)).toBe(h)
      expect(dec(compact64, h)).toBe(v)
      if (v < 2n ** 32n) expect(dec(compact32, h)).toBe(Number(v))
    }
  })

  it('rejects each value in a longer mode than it needs', () => {
    expect(codeOf(() => dec(compact64, 'fd00'))).toBe('NON_CANONICAL') // 63 in 2 bytes
    expect(codeOf(() => dec(compact64, 'feff0000'))).toBe('NON_CANONICAL') // 2^14−1 in 4 bytes
    expect(codeOf(() => dec(compact64, '03ffffff3f'))).toBe('NON_CANONICAL') // 2^30−1 in big mode
    expect(codeOf(() => dec(compact32, '03ffffff3f'))).toBe('NON_CANONICAL')
  })

  it('rejects padded big mode, which only compact64Lax accepts (as go-scale does)', () => {
    expect(codeOf(() => dec(compact64, '070000004000'))).toBe('NON_CANONICAL')
    expect(dec(compact64Lax, '070000004000')).toBe(2n ** 30n)
    expect(dec(compact64Lax, '130000004000000000')).toBe(2n ** 30n)
    expect(codeOf(() => dec(compact64Lax, '03ffffff3f'))).toBe('NON_CANONICAL')
    expect(codeOf(() => dec(compact64Lax, '17000000400000000000'))).toBe('OUT_OF_RANGE') // 9 bytes
    expect(hex(compact64Lax, 2n ** 30n)).toBe('0300000040')
  })

  it('rejects modes too wide for the type', () => {
    expect(codeOf(() => dec(compact16, '0300000040'))).toBe('OUT_OF_RANGE')
    expect(codeOf(() => dec(compact32, '070000000001'))).toBe('OUT_OF_RANGE')
    expect(codeOf(() => dec(compact64, '17000000000000000001'))).toBe('OUT_OF_RANGE')
  })

  it('reports truncation inside a value', () => {
    for (const h of ['', '01', '020000', '03000000', '0700000000']) {
      expect(codeOf(() => dec(compact64, h))).toBe('TRUNCATED')
    }
  })

  it('refuses to encode out-of-range values', () => {
    expect(() => encode(compact8, 256)).toThrow(RangeError)
    expect(() => encode(compact32, -1)).toThrow(RangeError)
    expect(() => encode(compact32, 1.5)).toThrow(RangeError)
    expect(() => encode(compact64, 2n ** 64n)).toThrow(RangeError)
  })

  it('round-trips any value of each width', () => {
    const widths: [Codec<number>, number][] = [
      [compact8, 2 ** 8 - 1],
      [compact16, 2 ** 16 - 1],
      [compact32, 2 ** 32 - 1],
    ]
    for (const [c, max] of widths) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max }), (v) => {
          expect(decode(c, encode(c, v))).toBe(v)
        }),
      )
    }
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (v) => {
        const b = encode(compact64, v)
        expect(decode(compact64, b)).toBe(v)
        expect(decode(compact64Lax, b)).toBe(v)
      }),
    )
  })
})

describe('fixed-width integers, bytes and collections', () => {
  it('writes little-endian fixed integers', () => {
    expect(hex(u8, 0xab)).toBe('ab')
    expect(hex(u16, 0x1234)).toBe('3412')
    expect(hex(u32, 0xdeadbeef)).toBe('efbeadde')
    expect(hex(u64, 0x0102030405060708n)).toBe('0807060504030201')
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.nat({ max: 2 ** 32 - 1 }), (a, b) => {
        expect(decode(u64, encode(u64, a))).toBe(a)
        expect(decode(u32, encode(u32, b))).toBe(b)
      }),
    )
  })

  it('bounds byte strings and lists', () => {
    expect(hex(bytes(4), Uint8Array.of(1, 2))).toBe('080102')
    expect(codeOf(() => dec(bytes(4), '140102030405'))).toBe('TOO_LONG')
    expect(codeOf(() => dec(bytes(4), '0801'))).toBe('TRUNCATED')
    expect(() => encode(bytes(1), Uint8Array.of(1, 2))).toThrow(RangeError)
    expect(codeOf(() => dec(list(u8, 2), '0c010203'))).toBe('TOO_LONG')
    // A count larger than the bytes left is refused before any item is read.
    expect(codeOf(() => dec(list(u8, 1_000_000), '821a0600'))).toBe('TRUNCATED')
    expect(dec(list(u8, 2), '080102')).toEqual([1, 2])
    expect(dec(array(u8, 2), '0102')).toEqual([1, 2])
    expect(codeOf(() => dec(fixedBytes(3), '0102'))).toBe('TRUNCATED')
  })

  it('refuses trailing bytes in decode, reports them in decodePrefix', () => {
    expect(codeOf(() => dec(compact32, '0400'))).toBe('TRAILING_BYTES')
    expect(decodePrefix(compact32, hexToBytes('0400'))).toEqual({ value: 1, bytesRead: 1 })
  })

  it('reads options, booleans and tagged unions strictly', () => {
    const opt = option(compact32)
    expect(hex(opt, undefined)).toBe('00')
    expect(hex(opt, 1)).toBe('0104')
    expect(dec(opt, '00')).toBeUndefined()
    expect(codeOf(() => dec(opt, '0204'))).toBe('INVALID_TAG')
    expect(codeOf(() => dec(bool, '02'))).toBe('INVALID_VALUE')
    expect(dec(bool, '01')).toBe(true)
    const u = taggedUnion({ a: [1, u8], b: [5, compact32] })
    expect(hex(u, { kind: 'b', value: 1 })).toBe('0504')
    expect(dec(u, '0107')).toEqual({ kind: 'a', value: 7 })
    expect(codeOf(() => dec(u, '0207'))).toBe('INVALID_TAG')
  })

  it('round-trips nested structures', () => {
    type Tree = { v: number; kids: Tree[] }
    const tree: Codec<Tree> = lazy(() => struct({ v: compact32, kids: list(tree, 4) }))
    const rec = struct({
      a: option(compact64),
      b: bytes(32),
      c: list(struct({ x: u16, y: bool }), 8),
      d: mapped(
        u8,
        (n) => n * 2,
        (n) => n / 2,
      ),
    })
    const value = fc.record({
      a: fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { nil: undefined }),
      b: fc.uint8Array({ maxLength: 32 }),
      c: fc.array(fc.record({ x: fc.nat({ max: 65535 }), y: fc.boolean() }), { maxLength: 8 }),
      d: fc.nat({ max: 255 }).map((n) => n * 2),
    })
    fc.assert(
      fc.property(value, (v) => {
        expect(decode(rec, encode(rec, v))).toEqual(v)
      }),
    )
    const t: Tree = {
      v: 1,
      kids: [
        { v: 2, kids: [] },
        { v: 3, kids: [{ v: 4, kids: [] }] },
      ],
    }
    expect(decode(tree, encode(tree, t))).toEqual(t)
  })

  fuzzDecoder('compact64', (b) => decode(compact64, b), [
    hexToBytes('13ffffffffffffffff'),
    hexToBytes('fdff'),
  ])
  fuzzDecoder(
    'a struct of every kind',
    (b) => decode(struct({ a: option(compact32), b: bytes(8), c: list(compact16, 4), d: bool }), b),
    [hexToBytes('010408010208fdff0400')],
  )
})
