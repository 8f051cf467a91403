/**
 * `tx spend` builds and signs a single-sig wallet spend from a mnemonic and prints it as hex;
 * `tx decode` prints any standard transaction as JSON (bigints as decimal strings, keys and
 * signatures as hex, addresses as bech32). Every failure is one line and a non-zero exit.
 */

import { DecodeError } from '../../src/core/codec/DecodeError.ts'
import { AddressError, decodeAddress, encodeAddress } from '../../src/core/crypto/address.ts'
import { hash32 } from '../../src/core/crypto/hash.ts'
import { walletPrincipal } from '../../src/core/vm/computePrincipal.ts'
import { decodeTransaction } from '../../src/core/vm/decodeTransaction.ts'
import { signSingleSigTransaction } from '../../src/core/vm/encodeTransaction.ts'
import { deriveAccountKey } from '../../src/wallet/deriveAccountKey.ts'
import { WalletError } from '../../src/wallet/WalletError.ts'
import { CliError } from '../cliError.ts'
import { parseCliArgs, parseIntOption, requireOption } from '../parseCliArgs.ts'

export const usage =
  'tx spend --mnemonic "<words>" [--index I] --to ADDR --amount A --nonce N [--gas-price G] --genesis HEX [--hrp sm]' +
  ' | tx decode HEX [--hrp sm]'

/** A lowercase bech32 prefix: printable ASCII without A-Z, at most 83 characters (BIP-173). */
const HRP = /^[!-@[-~]{1,83}$/
const ADDRESS_FIELDS = new Set(['principal', 'destination', 'owner', 'vault'])

function parseHrp(value: string | undefined): string {
  const hrp = value ?? 'sm'
  if (!HRP.test(hrp))
    throw new CliError(`--hrp: expected a lowercase bech32 prefix (e.g. sm, stest), got '${hrp}'`, 2)
  return hrp
}

function parseHex(value: string, name: string, length?: number): Uint8Array {
  const hex = value.startsWith('0x') ? value.slice(2) : value
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new CliError(`${name}: expected hex digits, got '${value}'`, 2)
  if (hex.length % 2 !== 0) throw new CliError(`${name}: odd number of hex digits (${hex.length})`, 2)
  if (length !== undefined && hex.length !== 2 * length) {
    throw new CliError(
      `${name}: expected ${length} bytes (${2 * length} hex digits), got ${hex.length / 2}`,
      2,
    )
  }
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
}

function parseU64(value: string, name: string): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) >= 1n << 64n) {
    throw new CliError(`--${name}: expected an integer in 0..2^64-1, got '${value}'`, 2)
  }
  return BigInt(value)
}

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

/** JSON-ready copy: bigints as decimal strings, address fields as bech32, other bytes as hex. */
function toJson(value: unknown, hrp: string, key = ''): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return ADDRESS_FIELDS.has(key) ? encodeAddress(value, hrp) : toHex(value)
  if (Array.isArray(value)) return value.map((v) => toJson(v, hrp))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, hrp, k)]))
  }
  return value
}

function spend(args: string[]): void {
  const { values, positionals } = parseCliArgs(
    args,
    {
      mnemonic: { type: 'string' },
      index: { type: 'string' },
      to: { type: 'string' },
      amount: { type: 'string' },
      nonce: { type: 'string' },
      'gas-price': { type: 'string' },
      genesis: { type: 'string' },
      hrp: { type: 'string' },
    },
    usage,
  )
  if (positionals.length > 0)
    throw new CliError(`unexpected argument '${positionals[0]}'\nusage: ${usage}`, 2)
  const hrp = parseHrp(values.hrp)
  const mnemonic = requireOption(values.mnemonic, 'mnemonic')
  const index = values.index === undefined ? 0 : parseIntOption(values.index, 'index')
  const destination = decodeAddress(requireOption(values.to, 'to'), hrp)
  const amount = parseU64(requireOption(values.amount, 'amount'), 'amount')
  const nonce = parseU64(requireOption(values.nonce, 'nonce'), 'nonce')
  const gasPrice = parseU64(values['gas-price'] ?? '1', 'gas-price')
  const genesisId = parseHex(requireOption(values.genesis, 'genesis'), '--genesis', 20)
  const { secretSeed, publicKey } = deriveAccountKey(mnemonic, index)
  const tx = { template: 'wallet', method: 'spend', args: { destination, amount } } as const
  const signed = signSingleSigTransaction(secretSeed, genesisId, {
    ...tx,
    principal: walletPrincipal(publicKey),
    nonce,
    gasPrice,
  })
  process.stdout.write(`${toHex(signed)}\n`)
}

function decode(args: string[]): void {
  const { values, positionals } = parseCliArgs(args, { hrp: { type: 'string' } }, usage)
  const hrp = parseHrp(values.hrp)
  if (positionals.length !== 1) throw new CliError(`usage: ${usage}`, 2)
  const raw = parseHex(positionals[0]!, 'transaction')
  const {
    principal,
    principalTemplate,
    template,
    method,
    nonce,
    gasPrice,
    args: txArgs,
    ...auth
  } = decodeTransaction(raw)
  const ordered = { principal, principalTemplate, template, method, nonce, gasPrice, args: txArgs, ...auth }
  process.stdout.write(
    `${JSON.stringify({ id: toHex(hash32(raw)), ...(toJson(ordered, hrp) as object) }, null, 2)}\n`,
  )
}

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args
  try {
    if (sub === 'spend') spend(rest)
    else if (sub === 'decode') decode(rest)
    else throw new CliError(`usage: ${usage}`, 2)
  } catch (err) {
    if (err instanceof WalletError || err instanceof AddressError) throw new CliError(err.message)
    if (err instanceof DecodeError) throw new CliError(`transaction: ${err.message}`)
    throw err
  }
}
