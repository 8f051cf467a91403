/** Finds the smallest nonce meeting the registration PoW (expected 2^difficulty hashes). */
import { countLeadingZeroBits } from './countLeadingZeroBits.ts'
import { hashRegistrationPow } from './hashRegistrationPow.ts'

export function solveRegistrationPow(
  powChallenge: Uint8Array,
  nodeId: Uint8Array,
  poetChallenge: Uint8Array,
  difficulty: number,
  maxTries: number = 2 ** 32,
): number {
  for (let nonce = 0; nonce < maxTries; nonce++) {
    if (countLeadingZeroBits(hashRegistrationPow(powChallenge, nodeId, poetChallenge, nonce)) >= difficulty) {
      return nonce
    }
  }
  throw new RangeError(`solveRegistrationPow: no nonce below ${maxTries} reaches ${difficulty} bits`)
}
