import { CliError } from '../cliError.ts'

export const usage = 'post <label | bench | init | prove | verify> [options]'

type Sub = { run(args: string[]): Promise<void>; usage: string }

const subcommands: Record<string, () => Promise<Sub>> = {
  label: () => import('../post/commands/label.ts'),
  bench: () => import('../post/commands/bench.ts'),
  init: () => import('../post/commands/init.ts'),
  prove: () => import('../post/commands/prove.ts'),
  verify: () => import('../post/commands/verify.ts'),
}

/** PoST tools: the WASM labeler, initialization in post-rs's layout, proving and verification. */
export async function run(args: string[]): Promise<void> {
  const [name, ...rest] = args
  const load = name === undefined ? undefined : subcommands[name]
  if (load === undefined) throw new CliError(`usage: ${usage}`, 2)
  await (await load()).run(rest)
}
