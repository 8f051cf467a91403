/** True when `nonce` meets the registration PoW at `difficulty` bits (see hashRegistrationPow). */
import { countLeadingZeroBits } from './countLeadingZeroBits.ts'
import { hashRegistrationPow } from './hashRegistrationPow.ts'

export function verifyRegistrationPow(
  powChallenge: Uint8Array,
  nodeId: Uint8Array,
  poetChallenge: Uint8Array,
  nonce: number,
  difficulty: number,
): boolean {
  if (!Number.isSafeInteger(nonce) || nonce < 0) return false
  return countLeadingZeroBits(hashRegistrationPow(powChallenge, nodeId, poetChallenge, nonce)) >= difficulty
}
