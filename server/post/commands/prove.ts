import { bytesToHex } from '@noble/hashes/utils.js'
import { encodePostProof } from '../../../src/core/post/PostProof.ts'
import { provePost } from '../../../src/core/post/provePost.ts'
import { loadPostWasm } from '../../../src/post-wasm/loadPostWasm.ts'
import { CliError } from '../../cliError.ts'
import { parseCliArgs, requireOption } from '../../parseCliArgs.ts'
import { loadPostDir } from '../loadPostDir.ts'
import { openPostData } from '../openPostData.ts'
import { layoutPostData, readPostProgress } from '../readPostProgress.ts'
import { parseHexOption, postParamOptions, postParamUsage, resolvePostParams } from '../resolvePostParams.ts'

export const usage = `post prove --dir D --challenge HEX32 ${postParamUsage}`

/** Proves an initialized directory for a challenge with the WASM scan; prints the proof as JSON. */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    { dir: { type: 'string' }, challenge: { type: 'string' }, ...postParamOptions },
    usage,
  )
  const dir = requireOption(values.dir, 'dir')
  const challenge = parseHexOption(requireOption(values.challenge, 'challenge'), 'challenge', 32)
  const params = resolvePostParams(values)
  const metadata = loadPostDir(dir)
  const numLabels = metadata.numUnits * metadata.labelsPerUnit
  const layout = layoutPostData(numLabels, metadata.maxFileSize)
  const done = readPostProgress(dir, layout)
  if (done < numLabels || metadata.nonce === undefined) {
    throw new CliError(`${dir}: initialization incomplete (${done}/${numLabels} labels); rerun 'post init'`)
  }
  if (numLabels <= params.k1) throw new CliError(`${numLabels} labels: expected more than k1 = ${params.k1}`)
  const kernel = await loadPostWasm()
  const reader = openPostData(dir, layout)
  try {
    const proof = provePost({
      challenge,
      nodeId: metadata.nodeId,
      numUnits: metadata.numUnits,
      params: { ...params, labelsPerUnit: metadata.labelsPerUnit },
      readLabels: reader.readLabels,
      kernel,
    })
    const out = {
      proof: { nonce: proof.nonce, indices: bytesToHex(proof.indices), pow: proof.pow.toString() },
      metadata: {
        nodeId: bytesToHex(metadata.nodeId),
        commitmentAtxId: bytesToHex(metadata.commitmentAtxId),
        challenge: bytesToHex(challenge),
        numUnits: metadata.numUnits,
        labelsPerUnit: metadata.labelsPerUnit,
      },
      scale: bytesToHex(encodePostProof(proof)),
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
  } finally {
    reader.close()
  }
}
