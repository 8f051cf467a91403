import { availableParallelism } from 'node:os'
import { presets } from '../../../src/core/params/presets.ts'
import { CliError } from '../../cliError.ts'
import { parseCliArgs, parseIntOption, requireOption } from '../../parseCliArgs.ts'
import { type InitProgress, initializePost } from '../initializePost.ts'
import { parseHexOption } from '../resolvePostParams.ts'

export const usage =
  'post init --dir D --node-id HEX --commitment-atx HEX --units U [--labels-per-unit L] [--n N] [--threads T (default: cores)] [--max-file-size BYTES] [--max-labels M]'

/**
 * Fills a PoST directory in post-rs's layout. Ctrl-C stops after the batches in flight; rerun the
 * same command to continue. `--max-labels` stops once that many labels are on disk.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      dir: { type: 'string' },
      'node-id': { type: 'string' },
      'commitment-atx': { type: 'string' },
      units: { type: 'string' },
      'labels-per-unit': { type: 'string' },
      n: { type: 'string' },
      threads: { type: 'string' },
      'max-file-size': { type: 'string' },
      'max-labels': { type: 'string' },
      batch: { type: 'string' },
    },
    usage,
  )
  const standalone = presets.standalone.post
  const int = (name: keyof typeof values, fallback?: number) => {
    const v = values[name] as string | undefined
    return v === undefined ? fallback : parseIntOption(v, name)
  }
  const numUnits = parseIntOption(requireOption(values.units, 'units'), 'units')
  if (numUnits < 1) throw new CliError(`--units: expected at least 1, got ${numUnits}`, 2)
  const labelsPerUnit = int('labels-per-unit', standalone.labelsPerUnit)!
  if (labelsPerUnit < 1) throw new CliError(`--labels-per-unit: expected at least 1, got ${labelsPerUnit}`, 2)
  const scryptN = int('n', standalone.scryptN)!
  if (scryptN < 2 || (scryptN & (scryptN - 1)) !== 0)
    throw new CliError(`--n: expected a power of two ≥ 2, got ${scryptN}`, 2)
  const maxFileSize = int('max-file-size')
  if (maxFileSize !== undefined && (maxFileSize < 16 || maxFileSize % 16 !== 0)) {
    throw new CliError(`--max-file-size: expected a positive multiple of 16, got ${maxFileSize}`, 2)
  }
  const maxLabels = int('max-labels')
  const batchLabels = int('batch')
  const abort = new AbortController()
  const onSigint = () => abort.abort()
  process.on('SIGINT', onSigint)
  const report = progressReporter()
  try {
    const result = await initializePost({
      dir: requireOption(values.dir, 'dir'),
      nodeId: parseHexOption(requireOption(values['node-id'], 'node-id'), 'node-id', 32),
      commitmentAtxId: parseHexOption(
        requireOption(values['commitment-atx'], 'commitment-atx'),
        'commitment-atx',
        32,
      ),
      numUnits,
      labelsPerUnit,
      scryptN,
      threads: int('threads', availableParallelism())!,
      signal: abort.signal,
      onProgress: report.progress,
      ...(maxFileSize === undefined ? {} : { maxFileSize }),
      ...(maxLabels === undefined ? {} : { maxLabels }),
      ...(batchLabels === undefined ? {} : { batchLabels }),
    })
    report.end()
    const m = result.metadata
    if (result.complete) {
      process.stdout.write(`initialized ${m.numUnits * m.labelsPerUnit} labels; VRF nonce ${m.nonce}\n`)
    } else {
      process.stdout.write(`stopped; rerun the same command to resume\n`)
      if (abort.signal.aborted) process.exitCode = 130
    }
  } catch (err) {
    report.end()
    if (err instanceof Error && err.message.startsWith('the directory holds another allocation')) {
      throw new CliError(err.message)
    }
    throw err
  } finally {
    process.off('SIGINT', onSigint)
  }
}

/** A redrawn bar on a terminal; one plain line per second (and the last) otherwise. */
function progressReporter() {
  const tty = process.stdout.isTTY === true
  let lastLine = 0
  let drawn = false
  const line = (p: InitProgress) => {
    const pct = ((100 * p.labelsDone) / p.numLabels).toFixed(1)
    const eta = Number.isFinite(p.etaSeconds) ? `${Math.ceil(p.etaSeconds)}s` : '?'
    return `${p.labelsDone}/${p.numLabels} labels ${pct}% ${Math.round(p.labelsPerSecond)} labels/s ETA ${eta}`
  }
  return {
    progress(p: InitProgress) {
      if (tty) {
        const width = 30
        const full = Math.round((width * p.labelsDone) / p.numLabels)
        process.stdout.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${line(p)}\x1b[K`)
        drawn = true
        return
      }
      const now = performance.now()
      if (now - lastLine >= 1000 || p.labelsDone === p.numLabels) {
        lastLine = now
        process.stdout.write(`progress ${line(p)}\n`)
      }
    },
    end() {
      if (drawn) process.stdout.write('\n')
      drawn = false
    },
  }
}
