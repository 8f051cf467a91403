/** A fresh 24-word BIP-39 mnemonic (256 bits of entropy from the platform CSPRNG), as smapp-lite creates. */
import { generateMnemonic as generateBip39 } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'

export function generateMnemonic(): string {
  return generateBip39(wordlist, 256)
}
