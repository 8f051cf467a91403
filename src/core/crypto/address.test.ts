import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { thrownCode } from '../../testing/thrownCode.ts'
import { AddressError, decodeAddress, encodeAddress } from './address.ts'

const codeOf = (f: () => unknown) => thrownCode(AddressError, f)

describe('bech32 addresses (go-spacemesh common/types/address.go)', () => {
  it('encodes the reference vectors (reference §8 vectors 7, 9)', () => {
    const a = hexToBytes('000000002c3dcf45633d678c25c99b93984e6e4419870910')
    expect(encodeAddress(a, 'sm')).toBe('sm1qqqqqqpv8h852ceav7xztjvmjwvyumjyrxrsjyqvjwm0w')
    expect(encodeAddress(a, 'stest')).toBe('stest1qqqqqqpv8h852ceav7xztjvmjwvyumjyrxrsjyq38hrph')
    const text = 'stest1qqqqqqy0dd83jemjmfj3ghjndxm0ndh0z2rymaqyp0gu3'
    expect(bytesToHex(decodeAddress(text, 'stest'))).toBe('000000008f6b4f196772da65145e5369b6f9b6ef12864df4')
  })

  it('names each failure', () => {
    const ok = 'stest1qqqqqqy0dd83jemjmfj3ghjndxm0ndh0z2rymaqyp0gu3'
    expect(codeOf(() => decodeAddress(ok, 'sm'))).toBe('WRONG_HRP')
    expect(codeOf(() => decodeAddress(`${ok.slice(0, -1)}4`, 'stest'))).toBe('BAD_CHECKSUM')
    expect(codeOf(() => decodeAddress('stest1fejq2x3d79ukpkw06t7h6lndjuwzxdnj59npghsg43mh4', 'stest'))).toBe(
      'RESERVED_BYTES_NOT_ZERO',
    )
    expect(codeOf(() => decodeAddress('stest1qqqqqqy0dd83jemjmfj3ghjndxm0ndh0z2rymaqybiob', 'stest'))).toBe(
      'MALFORMED',
    )
    expect(codeOf(() => decodeAddress('Stest1qqqqqqy0dd83jemjmfj3ghjndxm0ndh0z2rymaqyp0gu3', 'stest'))).toBe(
      'MALFORMED',
    )
    expect(codeOf(() => decodeAddress('qqqqqq', 'sm'))).toBe('MALFORMED')
    expect(codeOf(() => decodeAddress('x'.repeat(500), 'sm'))).toBe('BAD_LENGTH')
    // 20 bytes (a valid bech32 string of the wrong size).
    const short = encodeAddress(new Uint8Array(24), 'sm')
    expect(codeOf(() => decodeAddress(short.replace(/^sm1qq/, 'sm1'), 'sm'))).toBe('BAD_CHECKSUM')
  })

  it('accepts all-uppercase text and rejects bad payload sizes', async () => {
    const ok = 'stest1qqqqqqy0dd83jemjmfj3ghjndxm0ndh0z2rymaqyp0gu3'
    expect(decodeAddress(ok.toUpperCase(), 'stest')).toEqual(decodeAddress(ok, 'stest'))
    const { bech32 } = await import('@scure/base')
    const twenty = bech32.encode('sm', bech32.toWords(new Uint8Array(20)), false)
    expect(codeOf(() => decodeAddress(twenty, 'sm'))).toBe('BAD_LENGTH')
    // 39 words whose last word carries non-zero padding bits.
    const words = bech32.toWords(new Uint8Array(24))
    words[38] = 1
    expect(codeOf(() => decodeAddress(bech32.encode('sm', words, false), 'sm'))).toBe('MALFORMED')
  })

  it('round-trips any address with zero reserved bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.constantFrom('sm', 'stest'),
        (tail, hrp) => {
          const a = new Uint8Array(24)
          a.set(tail, 4)
          const text = encodeAddress(a, hrp)
          expect(decodeAddress(text, hrp)).toEqual(a)
          if (hrp === 'sm') expect(text).toHaveLength(48)
        },
      ),
    )
  })
})
