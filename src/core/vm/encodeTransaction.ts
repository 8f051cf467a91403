/**
 * Builds raw transactions (see `transactionCodecs.ts` for the layout) and signs them. What a
 * signature covers is `genesisId ‖ raw transaction without signatures` (`core.SigningBody`).
 */
import { compact8, Writer } from '../codec/index.ts'
import { signTransaction } from '../crypto/signing.ts'
import { encodeSpawnArgs } from './encodeSpawnArgs.ts'
import type { SignedTransaction, UnsignedTransaction } from './Transaction.ts'
import { Method, TEMPLATE_ADDRESSES } from './templates.ts'
import {
  drainArgs,
  type MultiSigPart,
  multiSigPart,
  spendArgs,
  TX_SIZE_LIMIT,
  TX_VERSION,
  txPayload,
} from './transactionCodecs.ts'

const methodSelector = { spawn: Method.SPAWN, spend: Method.SPEND, drain: Method.DRAIN } as const

function writeArgs(w: Writer, tx: UnsignedTransaction): void {
  switch (tx.method) {
    case 'spend':
      spendArgs.encode(w, tx.args)
      break
    case 'drain':
      drainArgs.encode(w, tx.args)
      break
    case 'spawn':
      w.bytes(encodeSpawnArgs(tx))
  }
}

/** The raw transaction without signatures: what gets signed (after the genesis ID). */
export function encodeTransaction(tx: UnsignedTransaction): Uint8Array {
  if (tx.principal.length !== 24)
    throw new RangeError(`principal: expected 24 bytes, got ${tx.principal.length}`)
  const w = new Writer()
  compact8.encode(w, TX_VERSION)
  w.bytes(tx.principal)
  compact8.encode(w, methodSelector[tx.method])
  if (tx.method === 'spawn') w.bytes(TEMPLATE_ADDRESSES[tx.template])
  txPayload.encode(w, { nonce: tx.nonce, gasPrice: tx.gasPrice })
  writeArgs(w, tx)
  return w.finish()
}

/** Multisig parts concatenated with no count, refs strictly increasing (multisig `Verify`). */
export function encodeMultiSigParts(parts: MultiSigPart[]): Uint8Array {
  const w = new Writer()
  parts.forEach((part, i) => {
    if (i > 0 && part.ref <= parts[i - 1]!.ref)
      throw new RangeError(`signatures: refs must increase, got ${parts[i - 1]!.ref} then ${part.ref}`)
    multiSigPart.encode(w, part)
  })
  return w.finish()
}

function withSignature(raw: Uint8Array, sig: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length + sig.length)
  out.set(raw)
  out.set(sig, raw.length)
  if (out.length > TX_SIZE_LIMIT) {
    throw new RangeError(`transaction: ${out.length} bytes, go-spacemesh accepts at most ${TX_SIZE_LIMIT}`)
  }
  return out
}

/** The complete signed transaction bytes. */
export function encodeSignedTransaction(tx: SignedTransaction): Uint8Array {
  const raw = encodeTransaction(tx)
  if (tx.signer === 'single') {
    if (tx.signature.length !== 64)
      throw new RangeError(`signature: expected 64 bytes, got ${tx.signature.length}`)
    return withSignature(raw, tx.signature)
  }
  return withSignature(raw, encodeMultiSigParts(tx.signatures))
}

/** Encodes and signs a wallet (single-key) transaction: raw ‖ ed25519(genesisId ‖ raw). */
export function signSingleSigTransaction(
  seed: Uint8Array,
  genesisId: Uint8Array,
  tx: UnsignedTransaction,
): Uint8Array {
  const raw = encodeTransaction(tx)
  return withSignature(raw, signTransaction(seed, genesisId, raw))
}

/** One multisig part: key number `ref` signs the raw transaction. */
export function signMultiSigPart(
  seed: Uint8Array,
  genesisId: Uint8Array,
  rawWithoutSignatures: Uint8Array,
  ref: number,
): MultiSigPart {
  return { ref, signature: signTransaction(seed, genesisId, rawWithoutSignatures) }
}
