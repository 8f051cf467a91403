import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { hash20, hash32 } from './hash.ts'

describe('hash32 / hash20 (go-spacemesh hash.Sum / Sum20)', () => {
  it('derives the mainnet golden ATX and genesis ID (reference §8 vector 1)', () => {
    const seconds = utf8ToBytes('1689321600')
    const extra = utf8ToBytes('00000000000000000001a6bc150307b5c1998045752b3c87eccf3c013036f3cc')
    expect(bytesToHex(hash32(seconds, extra))).toBe(
      '9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865',
    )
    expect(bytesToHex(hash20(seconds, extra))).toBe('9eebff023abb17ccb775c602daade8ed708f0a50')
  })

  it('hashes the concatenation, however it is split', () => {
    const a = utf8ToBytes('hello ')
    const b = utf8ToBytes('world')
    expect(hash32(a, b)).toEqual(hash32(utf8ToBytes('hello world')))
    expect(hash32()).toEqual(hash32(new Uint8Array(0)))
    expect(hash20(a, b)).toHaveLength(20)
  })
})
