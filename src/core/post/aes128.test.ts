import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { encryptAes128Block } from './aes128.ts'

describe('encryptAes128Block (FIPS-197)', () => {
  it('encrypts the appendix B example', () => {
    const key = hexToBytes('2b7e151628aed2a6abf7158809cf4f3c')
    const block = hexToBytes('3243f6a8885a308d313198a2e0370734')
    expect(bytesToHex(encryptAes128Block(key, block))).toBe('3925841d02dc09fbdc118597196a0b32')
  })

  it('encrypts the appendix C.1 example', () => {
    const key = hexToBytes('000102030405060708090a0b0c0d0e0f')
    const block = hexToBytes('00112233445566778899aabbccddeeff')
    expect(bytesToHex(encryptAes128Block(key, block))).toBe('69c4e0d86a7b0430d8cdb78070b4c55a')
  })

  it('encrypts the SP 800-38A ECB-AES128 blocks', () => {
    const key = hexToBytes('2b7e151628aed2a6abf7158809cf4f3c')
    const pairs = [
      ['6bc1bee22e409f96e93d7e117393172a', '3ad77bb40d7a3660a89ecaf32466ef97'],
      ['ae2d8a571e03ac9c9eb76fac45af8e51', 'f5d3d58503b9699de785895a96fdbaaf'],
    ] as const
    for (const [plain, cipher] of pairs)
      expect(bytesToHex(encryptAes128Block(key, hexToBytes(plain)))).toBe(cipher)
  })

  it('rejects wrong sizes', () => {
    expect(() => encryptAes128Block(new Uint8Array(15), new Uint8Array(16))).toThrow(
      'expected 16-byte AES key, got 15',
    )
    expect(() => encryptAes128Block(new Uint8Array(16), new Uint8Array(17))).toThrow(
      'expected 16-byte AES block, got 17',
    )
  })
})
