/**
 * smapp-lite's wallet file (`WalletFile` in spacemeshos/smapp-lite `src/types/wallet.ts`):
 *   { meta: { displayName, created }, crypto: Argon2Envelope }
 * The envelope (`src/utils/aes-ctr-argon2.ts`): key = Argon2id(password, salt, t, m KiB, p, 32 B);
 * cipherText = AES-256-CTR(key, iv as a 128-bit big-endian counter, UTF-8 JSON of the secrets);
 * mac = HMAC-SHA256(key = the ASCII lowercase hex of the Argon2 key, message = the plaintext).
 * All byte fields are lowercase hex without 0x. smapp-lite writes t = 7, m = 64 MiB, p = 1.
 */
export type Argon2Envelope = {
  kdf: 'ARGON2'
  kdfparams: { salt: string; iterations: number; memorySize: number; parallelism: number }
  cipher: 'AES-256-CTR'
  cipherParams: { iv: string }
  cipherText: string
  mac: string
}

export type SmappWalletFile = { meta: { displayName: string; created: string }; crypto: Argon2Envelope }

/** The plaintext smapp-lite encrypts (newer layout; older files have `accounts` as key pairs). */
export type SmappSecrets = {
  mnemonic: string
  keys: { displayName: string; created: string; path: string; publicKey: string; secretKey: string }[]
  accounts: { displayName: string; templateAddress: string; spawnArguments: { PublicKey: string } }[]
  contacts: { address: string; nickname: string }[]
}

export const SMAPP_ARGON2_DEFAULTS = { iterations: 7, memorySize: 65536, parallelism: 1 } as const
/** Bounds on what an imported file may ask for (LIMITS.md): above smapp-lite's own choices and fixture. */
export const MAX_ARGON2_ITERATIONS = 256
export const MAX_ARGON2_MEMORY_KIB = 256 * 1024
export const MAX_ARGON2_PARALLELISM = 4
export const MAX_WALLET_FILE_BYTES = 1024 * 1024
