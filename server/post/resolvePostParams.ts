/**
 * The PoST parameters of the prove / verify / init commands: a preset (`--preset`, default
 * standalone) with per-flag overrides, so a directory initialized with other values can still
 * be proven. labelsPerUnit always comes from the directory's metadata when there is one.
 */
import { type PostParams, type PresetName, presets } from '../../src/core/params/presets.ts'
import { CliError } from '../cliError.ts'
import { parseIntOption } from '../parseCliArgs.ts'

export const postParamOptions = {
  preset: { type: 'string', default: 'standalone' },
  n: { type: 'string' },
  k1: { type: 'string' },
  k2: { type: 'string' },
  k3: { type: 'string' },
  'pow-difficulty': { type: 'string' },
  nonces: { type: 'string' },
} as const

export const postParamUsage =
  '[--preset mainnet|testnet|standalone|sim] [--n N] [--k1 K] [--k2 K] [--k3 K] [--pow-difficulty HEX32] [--nonces M]'

type Values = { [K in keyof typeof postParamOptions]?: string | undefined }

export function resolvePostParams(values: Values): PostParams {
  const name = values.preset ?? 'standalone'
  if (!(name in presets))
    throw new CliError(`--preset: expected one of ${Object.keys(presets).join(', ')}, got '${name}'`, 2)
  const base = presets[name as PresetName].post
  const int = (v: string | undefined, flag: string, fallback: number) =>
    v === undefined ? fallback : parseIntOption(v, flag)
  const pow = values['pow-difficulty'] ?? base.powDifficulty
  if (!/^[0-9a-fA-F]{64}$/.test(pow))
    throw new CliError(`--pow-difficulty: expected 64 hex digits, got '${pow}'`, 2)
  const params: PostParams = {
    ...base,
    scryptN: int(values.n, 'n', base.scryptN),
    k1: int(values.k1, 'k1', base.k1),
    k2: int(values.k2, 'k2', base.k2),
    k3: int(values.k3, 'k3', base.k3),
    powDifficulty: pow.toLowerCase(),
    provingNonces: int(values.nonces, 'nonces', base.provingNonces),
  }
  if (params.provingNonces < 16 || params.provingNonces % 16 !== 0) {
    throw new CliError(`--nonces: expected a positive multiple of 16, got ${params.provingNonces}`, 2)
  }
  return params
}

/** A `--name HEX` option of exactly `bytes` bytes. */
export function parseHexOption(value: string, name: string, bytes: number): Uint8Array {
  if (!new RegExp(`^[0-9a-fA-F]{${2 * bytes}}$`).test(value)) {
    throw new CliError(`--${name}: expected ${2 * bytes} hex digits (${bytes} bytes), got '${value}'`, 2)
  }
  return Uint8Array.from(Buffer.from(value, 'hex'))
}
