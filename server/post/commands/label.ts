import { hexToBytes } from '@noble/hashes/utils.js'
import { loadPostWasm } from '../../../src/post-wasm/loadPostWasm.ts'
import { CliError } from '../../cliError.ts'
import { parseCliArgs, parseIntOption, requireOption } from '../../parseCliArgs.ts'

export const usage = 'post label --commitment HEX --n N --index I [--count C]'

const MAX_COUNT = 1 << 20

/** Prints PoST labels (16 bytes, hex, one per line) computed by the WASM labeler. */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      commitment: { type: 'string' },
      n: { type: 'string' },
      index: { type: 'string' },
      count: { type: 'string', default: '1' },
    },
    usage,
  )
  const hex = requireOption(values.commitment, 'commitment')
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new CliError(`--commitment: expected 64 hex digits (32 bytes), got '${hex}'`, 2)
  }
  const n = parseIntOption(requireOption(values.n, 'n'), 'n')
  if (n < 2 || (n & (n - 1)) !== 0 || n > 2 ** 24) {
    throw new CliError(`--n: expected a power of two in 2..2^24, got ${n}`, 2)
  }
  const indexText = requireOption(values.index, 'index')
  if (!/^\d+$/.test(indexText) || BigInt(indexText) >= 1n << 64n) {
    throw new CliError(`--index: expected an integer in 0..2^64-1, got '${indexText}'`, 2)
  }
  const count = parseIntOption(values.count, 'count')
  if (count < 1 || count > MAX_COUNT) throw new CliError(`--count: expected 1..${MAX_COUNT}, got ${count}`, 2)
  const first = BigInt(indexText)
  if (first + BigInt(count) > 1n << 64n)
    throw new CliError(`--index + --count: expected to stay below 2^64`, 2)

  const wasm = await loadPostWasm()
  const commitment = hexToBytes(hex)
  // Batches keep memory bounded and let output stream for long runs.
  const batch = 4096
  for (let done = 0; done < count; done += batch) {
    const take = Math.min(batch, count - done)
    const { labels } = wasm.labels(commitment, n, first + BigInt(done), take)
    const lines: string[] = []
    for (let i = 0; i < take; i++)
      lines.push(Buffer.from(labels.subarray(16 * i, 16 * i + 16)).toString('hex'))
    process.stdout.write(`${lines.join('\n')}\n`)
  }
}
