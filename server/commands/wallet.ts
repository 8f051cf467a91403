/**
 * `wallet new` prints a fresh 24-word mnemonic; `wallet address` prints the bech32 address of
 * account I's single-sig wallet (key m/44'/540'/0'/0'/I', as smapp-lite derives it).
 */
import { encodeAddress } from '../../src/core/crypto/address.ts'
import { walletPrincipal } from '../../src/core/vm/computePrincipal.ts'
import { deriveAccountKey } from '../../src/wallet/deriveAccountKey.ts'
import { generateMnemonic } from '../../src/wallet/generateMnemonic.ts'
import { WalletError } from '../../src/wallet/WalletError.ts'
import { CliError } from '../cliError.ts'
import { parseCliArgs, parseIntOption, requireOption } from '../parseCliArgs.ts'

export const usage = 'wallet new | wallet address --mnemonic "<words>" [--index I] [--hrp sm]'

/** bech32 allows printable ASCII in the prefix; 44 = 90 (max length) − 1 − 39 data − 6 checksum. */
const HRP = /^[!-@[-~]{1,44}$/

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args
  if (sub === 'new') {
    process.stdout.write(`${generateMnemonic()}\n`)
    return
  }
  if (sub !== 'address') throw new CliError(`usage: ${usage}`, 2)
  const { values } = parseCliArgs(
    rest,
    { mnemonic: { type: 'string' }, index: { type: 'string' }, hrp: { type: 'string' } },
    usage,
  )
  const mnemonic = requireOption(values.mnemonic, 'mnemonic')
  const index = values.index === undefined ? 0 : parseIntOption(values.index, 'index')
  const hrp = values.hrp ?? 'sm'
  if (!HRP.test(hrp)) {
    throw new CliError(
      `--hrp: expected 1-44 lowercase printable ASCII characters (e.g. sm, stest), got '${hrp}'`,
      2,
    )
  }
  try {
    const { publicKey } = deriveAccountKey(mnemonic, index)
    process.stdout.write(`${encodeAddress(walletPrincipal(publicKey), hrp)}\n`)
  } catch (err) {
    if (err instanceof WalletError) throw new CliError(err.message)
    throw err
  }
}
