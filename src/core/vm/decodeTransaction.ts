/**
 * Parses a signed transaction into a typed `DecodedTransaction`, throwing only DecodeError.
 *
 * go-spacemesh parses with the principal's account state at hand (`genvm/vm.go parse`): the
 * principal's template reads the payload and the signature, the target template the arguments.
 * Without state we infer what state would say:
 *   - a self-spawn (the principal is the address the spawn arguments give) is signed by the
 *     template it spawns;
 *   - drain (17) exists only on vesting accounts;
 *   - otherwise exactly 64 bytes after the arguments is a wallet signature, anything else is
 *     multisig parts (65 bytes each); a vesting spend is byte-identical to a multisig spend, so it
 *     decodes as multisig unless the caller passes `principalTemplate`.
 * A caller that has the account (the VM, a wallet) passes `principalTemplate`.
 *
 * Differences from go's parse, none of which changes which transactions can be valid:
 *   - bytes after the signature(s) are refused (go ignores them, but its signature then covers
 *     `raw[:len − sigLen]`, which includes signature bytes, so such a tx cannot verify);
 *   - multisig parts are read to the end, so `required` is not needed; refs must increase and
 *     stay below `MAX_MULTISIG_KEYS` (go's Verify fails otherwise);
 *   - a vault principal is refused: a vault's `Verify` is always false.
 */
import { equalBytes } from '@noble/curves/utils.js'
import { compact8, DecodeError, Reader } from '../codec/index.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import type {
  DecodedTransaction,
  TransactionAuth,
  TransactionBody,
  UnsignedTransaction,
} from './Transaction.ts'
import { Method, type TemplateName, templateNameOf } from './templates.ts'
import {
  drainArgs,
  MAX_MULTISIG_KEYS,
  type MultiSigPart,
  multiSigPart,
  multiSigSpawnArgs,
  spendArgs,
  TX_SIZE_LIMIT,
  TX_VERSION,
  txPayload,
  vaultSpawnArgs,
  walletSpawnArgs,
} from './transactionCodecs.ts'

export type DecodeTransactionOptions = {
  /** The principal's template from its account state, when the caller knows it. */
  principalTemplate?: TemplateName
}

type SignerTemplate = DecodedTransaction['principalTemplate']

function readSpawnBody(r: Reader, template: TemplateName): Extract<TransactionBody, { method: 'spawn' }> {
  switch (template) {
    case 'wallet':
      return { template, method: 'spawn', args: walletSpawnArgs.decode(r) }
    case 'vault':
      return { template, method: 'spawn', args: vaultSpawnArgs.decode(r) }
    case 'multisig':
    case 'vesting':
      return { template, method: 'spawn', args: multiSigSpawnArgs.decode(r) }
  }
}

function readMultiSigParts(r: Reader): MultiSigPart[] {
  const parts: MultiSigPart[] = []
  while (r.remaining > 0) {
    const start = r.offset
    const part = multiSigPart.decode(r)
    if (part.ref >= MAX_MULTISIG_KEYS)
      throw new DecodeError('OUT_OF_RANGE', `signature ref ${part.ref} ≥ ${MAX_MULTISIG_KEYS}`, start)
    const prev = parts[parts.length - 1]
    if (prev !== undefined && part.ref <= prev.ref)
      throw new DecodeError(
        'INVALID_VALUE',
        `signature refs must increase: ${prev.ref} then ${part.ref}`,
        start,
      )
    parts.push(part)
  }
  if (parts.length === 0) throw new DecodeError('TRUNCATED', 'no signature parts', r.offset)
  return parts
}

function readAuth(r: Reader, signer: SignerTemplate): TransactionAuth {
  if (signer === 'wallet') {
    const start = r.offset
    const signature = r.bytes(64)
    if (r.remaining !== 0)
      throw new DecodeError('TRAILING_BYTES', `${r.remaining} bytes after the signature`, start + 64)
    return { signer: 'single', signature }
  }
  return { signer: 'multi', signatures: readMultiSigParts(r) }
}

function checkSigner(template: TemplateName, offset: number): SignerTemplate {
  if (template === 'vault')
    throw new DecodeError('INVALID_VALUE', 'a vault never signs a transaction', offset)
  return template
}

/** Decodes a signed transaction; see the module comment for how the principal's template is found. */
export function decodeTransaction(
  bytes: Uint8Array,
  options: DecodeTransactionOptions = {},
): DecodedTransaction {
  if (bytes.length > TX_SIZE_LIMIT)
    throw new DecodeError('TOO_LONG', `transaction of ${bytes.length} bytes, at most ${TX_SIZE_LIMIT}`, 0)
  const r = new Reader(bytes)
  const version = compact8.decode(r)
  if (version !== TX_VERSION) throw new DecodeError('INVALID_VALUE', `unsupported version ${version}`, 0)
  const principal = r.bytes(24)
  const methodAt = r.offset
  const method = compact8.decode(r)
  const known = options.principalTemplate

  let body: TransactionBody
  let signer: SignerTemplate
  if (method === Method.SPAWN) {
    const templateAt = r.offset
    const template = templateNameOf(r.bytes(24))
    if (template === undefined) throw new DecodeError('INVALID_VALUE', 'unknown template address', templateAt)
    const { nonce, gasPrice } = txPayload.decode(r)
    body = readSpawnBody(r, template)
    const argsEnd = r.offset
    if (known !== undefined) signer = checkSigner(known, 1)
    else if (equalBytes(principal, spawnPrincipal(body))) signer = checkSigner(template, templateAt)
    else signer = r.remaining === 64 ? 'wallet' : 'multisig'
    return finish(r, { ...body, principal, nonce, gasPrice }, signer, argsEnd)
  }
  if (method === Method.SPEND) {
    const { nonce, gasPrice } = txPayload.decode(r)
    const args = spendArgs.decode(r)
    const argsEnd = r.offset
    signer = known !== undefined ? checkSigner(known, 1) : r.remaining === 64 ? 'wallet' : 'multisig'
    return finish(r, { template: signer, method: 'spend', args, principal, nonce, gasPrice }, signer, argsEnd)
  }
  if (method === Method.DRAIN) {
    if (known !== undefined && known !== 'vesting')
      throw new DecodeError('INVALID_TAG', `method 17 (drain) is not a ${known} method`, methodAt)
    const { nonce, gasPrice } = txPayload.decode(r)
    const args = drainArgs.decode(r)
    const argsEnd = r.offset
    return finish(
      r,
      { template: 'vesting', method: 'drain', args, principal, nonce, gasPrice },
      'vesting',
      argsEnd,
    )
  }
  throw new DecodeError('INVALID_TAG', `unknown method ${method}`, methodAt)
}

function finish(
  r: Reader,
  tx: UnsignedTransaction,
  signer: SignerTemplate,
  bodyLength: number,
): DecodedTransaction {
  const auth = readAuth(r, signer)
  return { ...tx, ...auth, principalTemplate: signer, bodyLength } as DecodedTransaction
}
