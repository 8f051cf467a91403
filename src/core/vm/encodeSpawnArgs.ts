import { encode } from '../codec/index.ts'
import type { TransactionBody } from './Transaction.ts'
import { multiSigSpawnArgs, vaultSpawnArgs, walletSpawnArgs } from './transactionCodecs.ts'

export type SpawnBody = Extract<TransactionBody, { method: 'spawn' }>

/** SCALE of a template's spawn arguments: what a spawn carries and `computePrincipal` hashes. */
export function encodeSpawnArgs(body: SpawnBody): Uint8Array {
  if (body.template === 'wallet') return encode(walletSpawnArgs, body.args)
  if (body.template === 'vault') return encode(vaultSpawnArgs, body.args)
  return encode(multiSigSpawnArgs, body.args)
}
