import { type ParseArgsConfig, parseArgs } from 'node:util'
import { CliError } from './cliError.ts'

type Options = NonNullable<ParseArgsConfig['options']>

/** `util.parseArgs` in strict mode, its errors turned into one-line usage errors. */
export function parseCliArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${usage}`, 2)
  }
}

/** Reads a required option, naming it in the error. */
export function requireOption<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new CliError(`missing --${name}`, 2)
  return value
}

/** Parses a non-negative safe integer option, naming it in the error. */
export function parseIntOption(value: string, name: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`--${name}: expected a non-negative integer, got '${value}'`, 2)
  }
  return Number(value)
}
