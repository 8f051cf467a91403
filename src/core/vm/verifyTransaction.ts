/**
 * The second step of genvm's validation (`Template.Verify`): the principal's keys signed
 * `genesisId ‖ raw transaction without its signatures` (`core.SigningBody`, no domain byte).
 *
 * A wallet checks one signature against its key. Multisig and vesting read exactly `required`
 * parts `{ref, sig}` with strictly increasing refs below the key count, and every part must verify
 * (`multisig.go Verify` uses a batch verifier with the same acceptance set as single checks).
 * Part count other than `required`: go reads `required` parts, so fewer fail to decode and more
 * leave extra parts inside what the signatures are supposed to cover — neither can verify.
 */
import { verifyTransactionSignature } from '../crypto/signing.ts'
import type { ParsedTransaction } from './parseTransaction.ts'

export function verifyTransaction(parsed: ParsedTransaction, genesisId: Uint8Array): boolean {
  const { tx, signer, raw } = parsed
  const body = raw.subarray(0, tx.bodyLength)
  if (signer.template === 'vault') return false
  if (signer.template === 'wallet') {
    if (tx.signer !== 'single') return false
    return verifyTransactionSignature(signer.args.publicKey, genesisId, body, tx.signature)
  }
  if (tx.signer !== 'multi') return false
  const { required, publicKeys } = signer.args
  if (tx.signatures.length !== required) return false
  let last = -1
  for (const part of tx.signatures) {
    const key = publicKeys[part.ref]
    if (key === undefined || part.ref <= last) return false
    last = part.ref
    if (!verifyTransactionSignature(key, genesisId, body, part.signature)) return false
  }
  return true
}
