import { describe, expect, it } from 'vitest'
import { countLeadingZeroBits } from './countLeadingZeroBits.ts'
import { hashRegistrationPow } from './hashRegistrationPow.ts'
import { solveRegistrationPow } from './solveRegistrationPow.ts'
import { verifyRegistrationPow } from './verifyRegistrationPow.ts'

const pow = new Uint8Array(32).fill(1)
const node = new Uint8Array(32).fill(2)
const challenge = new Uint8Array(32).fill(3)

describe('registration PoW', () => {
  it('counts leading zero bits', () => {
    expect(countLeadingZeroBits(new Uint8Array([0, 0x10, 0xff]))).toBe(11)
    expect(countLeadingZeroBits(new Uint8Array([0x80]))).toBe(0)
    expect(countLeadingZeroBits(new Uint8Array(4))).toBe(32)
  })

  it('solves and verifies at 10 bits, bound to node id, challenge and pow challenge', () => {
    const nonce = solveRegistrationPow(pow, node, challenge, 10)
    expect(countLeadingZeroBits(hashRegistrationPow(pow, node, challenge, nonce))).toBeGreaterThanOrEqual(10)
    expect(verifyRegistrationPow(pow, node, challenge, nonce, 10)).toBe(true)
    for (let n = 0; n < nonce; n++) expect(verifyRegistrationPow(pow, node, challenge, n, 10)).toBe(false)
    const other = new Uint8Array(32).fill(9)
    expect(verifyRegistrationPow(pow, other, challenge, nonce, 10)).toBe(false)
    expect(verifyRegistrationPow(pow, node, other, nonce, 10)).toBe(false)
    expect(verifyRegistrationPow(other, node, challenge, nonce, 10)).toBe(false)
    expect(verifyRegistrationPow(pow, node, challenge, -1, 0)).toBe(false)
  })
})
