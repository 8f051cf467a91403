import { readFileSync } from 'node:fs'
import type { PostProof } from '../../../src/core/post/PostProof.ts'
import { PostVerifyError } from '../../../src/core/post/PostVerifyError.ts'
import { verifyPost } from '../../../src/core/post/verifyPost.ts'
import { CliError } from '../../cliError.ts'
import { parseCliArgs, requireOption } from '../../parseCliArgs.ts'
import { loadPostDir } from '../loadPostDir.ts'
import { parseHexOption, postParamOptions, postParamUsage, resolvePostParams } from '../resolvePostParams.ts'

export const usage = `post verify --dir D --challenge HEX32 --proof FILE [--seed HEX] ${postParamUsage}`

/**
 * Verifies a proof file (the JSON `post prove` prints) against a directory's metadata: exit 0
 * and `valid`, or exit 1 with the rejection code and reason on one line.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      dir: { type: 'string' },
      challenge: { type: 'string' },
      proof: { type: 'string' },
      seed: { type: 'string' },
      ...postParamOptions,
    },
    usage,
  )
  const metadata = loadPostDir(requireOption(values.dir, 'dir'))
  const challenge = parseHexOption(requireOption(values.challenge, 'challenge'), 'challenge', 32)
  const params = resolvePostParams(values)
  const proof = readProofFile(requireOption(values.proof, 'proof'))
  const seed = values.seed === undefined ? undefined : Uint8Array.from(Buffer.from(values.seed, 'hex'))
  try {
    verifyPost(
      proof,
      {
        nodeId: metadata.nodeId,
        commitmentAtxId: metadata.commitmentAtxId,
        challenge,
        numUnits: metadata.numUnits,
      },
      { ...params, labelsPerUnit: metadata.labelsPerUnit },
      seed === undefined ? {} : { seed },
    )
  } catch (err) {
    if (err instanceof PostVerifyError) throw new CliError(`invalid proof: ${err.code}: ${err.message}`)
    throw err
  }
  process.stdout.write('valid\n')
}

function readProofFile(path: string): PostProof {
  let json: { proof?: { nonce?: unknown; indices?: unknown; pow?: unknown } }
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new CliError(`--proof ${path}: ${(err as Error).message}`)
  }
  const p = json.proof ?? {}
  const { nonce, indices, pow } = p
  if (
    typeof nonce !== 'number' ||
    !Number.isInteger(nonce) ||
    nonce < 0 ||
    nonce > 0xffff_ffff ||
    typeof indices !== 'string' ||
    !/^([0-9a-fA-F]{2})*$/.test(indices) ||
    typeof pow !== 'string' ||
    !/^\d+$/.test(pow) ||
    BigInt(pow) >= 1n << 64n
  ) {
    throw new CliError(
      `--proof ${path}: expected {"proof":{"nonce":u32,"indices":"hex","pow":"u64 decimal"}}`,
    )
  }
  return { nonce, indices: Uint8Array.from(Buffer.from(indices, 'hex')), pow: BigInt(pow) }
}
