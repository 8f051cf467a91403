import { runActivationSim } from '../../src/core/sim/runActivationSim.ts'
import { CliError } from '../cliError.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'

export const usage = 'sim [--smeshers S] [--epochs E] [--seed X] [--json]'

/**
 * Runs the seeded activation simulation (src/core/sim) on the `sim` preset and prints its
 * result; the same seed prints the same numbers. Exit code 1 if any ATX was invalid or any
 * smesher's chain has a gap, so CI can run it as a check.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      smeshers: { type: 'string', default: '5' },
      epochs: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
    usage,
  )
  const smeshers = parseIntOption(values.smeshers, 'smeshers')
  const epochs = parseIntOption(values.epochs, 'epochs')
  const seed = parseIntOption(values.seed, 'seed')
  if (smeshers < 1 || smeshers > 1000) throw new CliError(`--smeshers: expected 1..1000, got ${smeshers}`, 2)
  if (epochs < 1 || epochs > 1000) throw new CliError(`--epochs: expected 1..1000, got ${epochs}`, 2)
  const started = performance.now()
  const { world: _world, ...result } = runActivationSim({ seed, smeshers, epochs })
  const wallMs = Math.round(performance.now() - started)
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...result, wallMs })}\n`)
  } else {
    process.stdout.write(
      `seed ${seed}: ${smeshers} smeshers, ${epochs} epochs in ${wallMs} ms\n` +
        `ATXs per publish epoch: ${result.atxsPerEpoch.join(' ')}\n` +
        `invalid ATXs: ${result.invalidAtxs}, missed epochs: ${result.missedEpochs}, chain gaps: ${result.chainGaps}\n` +
        `tick height: ${result.ticks}, total weight: ${result.totalWeight}\n`,
    )
  }
  if (result.invalidAtxs > 0 || result.chainGaps > 0) process.exitCode = 1
}
