import { runActivationSim } from '../../src/core/sim/runActivationSim.ts'
import { runConsensusSim } from '../../src/core/sim/runConsensusSim.ts'
import { CliError } from '../cliError.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'

export const usage =
  'sim [--smeshers S] [--epochs E] [--seed X] [--byzantine B] [--partition L1:L2] [--txs T] [--activation-only] [--json]'

/**
 * Runs the seeded simulation (src/core/sim) on the sim preset and prints its result; the same
 * seed prints the same numbers. By default the consensus simulation (activation + proposals,
 * Hare, certificates, blocks, Tortoise, VM); `--activation-only` runs the ATX loop alone.
 * Exit code 1 when the honest nodes disagree on a layer (or, activation-only, an ATX was invalid
 * or a chain has a gap), so CI can run it as a check; the failing seed is printed.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      smeshers: { type: 'string', default: '5' },
      epochs: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      byzantine: { type: 'string', default: '0' },
      partition: { type: 'string' },
      txs: { type: 'string', default: '0' },
      'activation-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    usage,
  )
  const smeshers = parseIntOption(values.smeshers, 'smeshers')
  const epochs = parseIntOption(values.epochs, 'epochs')
  const seed = parseIntOption(values.seed, 'seed')
  const byzantine = parseIntOption(values.byzantine, 'byzantine')
  const txs = parseIntOption(values.txs, 'txs')
  if (smeshers < 1 || smeshers > 1000) throw new CliError(`--smeshers: expected 1..1000, got ${smeshers}`, 2)
  if (epochs < 1 || epochs > 1000) throw new CliError(`--epochs: expected 1..1000, got ${epochs}`, 2)
  if (byzantine > smeshers)
    throw new CliError(`--byzantine: at most --smeshers (${smeshers}), got ${byzantine}`, 2)
  let partition: { from: number; to: number } | undefined
  if (values.partition !== undefined) {
    const m = /^(\d+):(\d+)$/.exec(values.partition)
    if (m === null || Number(m[1]) > Number(m[2]))
      throw new CliError(`--partition: expected L1:L2 with L1 ≤ L2, got '${values.partition}'`, 2)
    partition = { from: Number(m[1]), to: Number(m[2]) }
  }
  if (values['activation-only']) return runActivationOnly(seed, smeshers, epochs, values.json)

  const started = performance.now()
  const { world: _world, ...result } = runConsensusSim({
    seed,
    smeshers,
    epochs,
    byzantine,
    txs,
    ...(partition === undefined ? {} : { partition }),
  })
  const wallMs = Math.round(performance.now() - started)
  // Simulation speed is wall-clock, measured here: src/core never reads a clock.
  const layersPerSecond = Math.round((result.layers / Math.max(1, wallMs)) * 1000 * 100) / 100
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...result, layersPerSecond, wallMs })}\n`)
  } else {
    process.stdout.write(
      `seed ${seed}: ${smeshers} smeshers (${byzantine} byzantine, ${result.byzantineWeight} of the weight), ${epochs} epochs in ${wallMs} ms (${layersPerSecond} layers/s)\n` +
        `layers ${result.firstLayer}..${result.firstLayer + result.layers - 1}: honest agree ${result.honestAgree}, ${result.emptyLayers} empty, ${result.certifiedLayers} certified\n` +
        `state root ${result.stateRoot}\n` +
        `txs: ${result.txsAccepted} accepted, ${result.txsApplied} applied, ${result.txsNeverApplied} never, ${result.txsAppliedTwice} twice\n` +
        `rewarded smeshers per epoch: ${result.rewardedSmeshers.join(' ')}\n`,
    )
  }
  if (!result.honestAgree) {
    process.stderr.write(
      `honest nodes disagree on layers ${result.disagreeingLayers.join(',')} (seed ${seed})\n`,
    )
    process.exitCode = 1
  }
}

function runActivationOnly(seed: number, smeshers: number, epochs: number, json: boolean | undefined): void {
  const started = performance.now()
  const { world: _world, ...result } = runActivationSim({ seed, smeshers, epochs })
  const wallMs = Math.round(performance.now() - started)
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...result, wallMs })}\n`)
  } else {
    process.stdout.write(
      `seed ${seed}: ${smeshers} smeshers, ${epochs} epochs in ${wallMs} ms\n` +
        `ATXs per publish epoch: ${result.atxsPerEpoch.join(' ')}\n` +
        `invalid ATXs: ${result.invalidAtxs}, missed epochs: ${result.missedEpochs}, chain gaps: ${result.chainGaps}\n` +
        `tick height: ${result.ticks}, total weight: ${result.totalWeight}\n`,
    )
  }
  if (result.invalidAtxs > 0 || result.chainGaps > 0) {
    process.stderr.write(`activation check failed (seed ${seed})\n`)
    process.exitCode = 1
  }
}
