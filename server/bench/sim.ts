/**
 * Simulation speed: simulated layers per wall-clock second of the consensus simulation (ATXs,
 * proposals, Hare, certificates, blocks, Tortoise, VM) for 100 smeshers with transactions,
 * against the activation-only simulation of the same size and span measured just before in the
 * same process (the baseline), printed as a ratio: the cost consensus adds on top of activation.
 * Both run on the curve.wasm kernel that server/bench.ts installs. SIM_BENCH_NODES /
 * SIM_BENCH_EPOCHS size the run (default 100 smeshers over 2 epochs: a few minutes here).
 */
import { performance } from 'node:perf_hooks'
import { sim } from '../../src/core/params/presets.ts'
import { runActivationSim } from '../../src/core/sim/runActivationSim.ts'
import { runConsensusSim } from '../../src/core/sim/runConsensusSim.ts'

export const name = 'sim'

export async function run(): Promise<void> {
  const smeshers = Number(process.env.SIM_BENCH_NODES ?? 100)
  const epochs = Number(process.env.SIM_BENCH_EPOCHS ?? 2)
  const seed = 1
  // Layers of virtual time each run simulates: activation runs epochs 0..E; consensus one epoch
  // more (its settling tail), with consensus from epoch 2 on.
  const activationLayers = (epochs + 1) * sim.layersPerEpoch
  const consensusLayers = (epochs + 2) * sim.layersPerEpoch

  let t0 = performance.now()
  const activation = runActivationSim({ seed, smeshers, epochs })
  const activationMs = performance.now() - t0
  const baseline = activationLayers / (activationMs / 1000)

  t0 = performance.now()
  const { world: _world, ...consensus } = runConsensusSim({
    seed,
    smeshers,
    epochs,
    txs: 5 * consensusLayers,
  })
  const consensusMs = performance.now() - t0
  const speed = consensusLayers / (consensusMs / 1000)

  const f = (x: number) => x.toFixed(3)
  console.log(`${smeshers} smeshers, ${epochs} epochs (seed ${seed})`)
  console.log(
    `activation only (baseline): ${f(baseline)} layers/s (${Math.round(activationMs)} ms, ${activation.events} events)`,
  )
  console.log(
    `consensus:                  ${f(speed)} layers/s (${Math.round(consensusMs)} ms, ${consensus.events} events, ${consensus.layers} layers, honest agree ${consensus.honestAgree}, ${consensus.txsApplied} txs applied)`,
  )
  console.log(`ratio consensus / activation-only: ${(speed / baseline).toFixed(2)}×`)
}
