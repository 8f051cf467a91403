#!/usr/bin/env -S npx tsx
/**
 * spacemesh-web server CLI. Each command lives in `server/commands/<name>.ts` and exports
 * `run(args): Promise<void>`; failures are thrown as CliError and printed as one line.
 */
import { readFileSync } from 'node:fs'
import { useCurveKernel } from '../src/core/crypto/curveKernel.ts'
import { memoizeCurveKernel } from '../src/core/crypto/memoizeCurveKernel.ts'
import { instantiateCurveKernel } from '../src/curve-wasm/instantiateCurveKernel.ts'
import { CliError } from './cliError.ts'

type CommandModule = { run(args: string[]): Promise<void>; usage: string }

const commands: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./commands/start.ts'),
  serve: () => import('./commands/serve.ts'),
  post: () => import('./commands/post.ts'),
  sim: () => import('./commands/sim.ts'),
  poet: () => import('./commands/poet.ts'),
  wallet: () => import('./commands/wallet.ts'),
  tx: () => import('./commands/tx.ts'),
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv
  const load = name === undefined ? undefined : commands[name]
  if (load === undefined) {
    const list = Object.keys(commands).join(' | ')
    throw new CliError(`usage: cli <${list}> [options]${name ? ` (unknown command '${name}')` : ''}`, 2)
  }
  // ed25519 and ECVRF point arithmetic in WebAssembly for every command: the same bytes as the
  // @noble/curves path, ~15× faster, with verification verdicts remembered (ARCHITECTURE.md,
  // "Curve kernel").
  useCurveKernel(
    memoizeCurveKernel(
      instantiateCurveKernel(readFileSync(new URL('../src/curve-wasm/curve.wasm', import.meta.url))),
    ),
  )
  await (await load()).run(args)
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    process.stderr.write(`error: ${err.message}\n`)
    process.exit(err.exitCode)
  }
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
