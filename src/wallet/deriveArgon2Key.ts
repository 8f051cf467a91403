/** Argon2id (@noble/hashes, async so the page stays responsive) with the envelope's parameters. */
import { argon2idAsync } from '@noble/hashes/argon2.js'
import { hexToBytes } from '@noble/hashes/utils.js'
import type { Argon2Envelope } from './SmappWalletFile.ts'

export async function deriveArgon2Key(
  password: string,
  params: Argon2Envelope['kdfparams'],
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  return argon2idAsync(password, hexToBytes(params.salt), {
    t: params.iterations,
    m: params.memorySize,
    p: params.parallelism,
    dkLen: 32,
    maxmem: 2 ** 32 - 1,
    asyncTick: 20,
    ...(onProgress ? { onProgress } : {}),
  })
}
