/**
 * BIP-39 mnemonic check (English list) that says *which* rule failed: an unknown word, a wrong
 * word count, or a bad checksum. Input is normalised first (NFKD, lowercase, single spaces), as
 * smapp-lite does before deriving, so pasted text with extra whitespace still works.
 */
import { mnemonicToEntropy } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import { WalletError } from './WalletError.ts'

const VALID_WORD_COUNTS = new Set([12, 15, 18, 21, 24])
const known = new Set(wordlist)

/** Returns the normalised mnemonic or throws WalletError naming the problem. */
export function validateMnemonic(mnemonic: string): string {
  const words = mnemonic.normalize('NFKD').toLowerCase().trim().split(/\s+/).filter(Boolean)
  for (const [i, w] of words.entries()) {
    if (!known.has(w)) {
      throw new WalletError(
        'BAD_MNEMONIC_WORD',
        `mnemonic: word ${i + 1} '${w}' is not in the BIP-39 English list`,
      )
    }
  }
  if (!VALID_WORD_COUNTS.has(words.length)) {
    throw new WalletError(
      'BAD_MNEMONIC_LENGTH',
      `mnemonic: expected 12, 15, 18, 21 or 24 words, got ${words.length}`,
    )
  }
  const normalised = words.join(' ')
  try {
    mnemonicToEntropy(normalised, wordlist)
  } catch {
    throw new WalletError(
      'BAD_MNEMONIC_CHECKSUM',
      'mnemonic: the checksum (last word) does not match the other words',
    )
  }
  return normalised
}
