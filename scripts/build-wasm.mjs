#!/usr/bin/env node
// Builds wasm/ (the PoST labeler and AES scan) with Debian's rustc 1.63 and copies the module to
// src/post-wasm/post.wasm, the file the binding loads and git tracks. See wasm/README.md.
// Reproducible: the only path that could leak into the module (the crate's own) is remapped,
// and scripts/check-wasm.mjs rebuilds into a temporary target dir to prove the bytes match.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const crateDir = join(root, 'wasm')
export const committedWasm = join(root, 'src', 'post-wasm', 'post.wasm')
const RUSTC = '/usr/bin/rustc'
const CARGO = '/usr/bin/cargo'

/** Builds the crate into `targetDir` and returns the path of the produced .wasm. */
export function buildWasm(targetDir) {
  for (const tool of [RUSTC, CARGO]) {
    if (!existsSync(tool)) {
      throw new Error(`expected ${tool} (apt-get install rustc libstd-rust-dev-wasm32 lld), got nothing`)
    }
  }
  // RUSTFLAGS replaces build.rustflags of wasm/.cargo/config.toml, so repeat simd128 here.
  const rustflags = [
    '-C',
    'target-feature=+simd128',
    `--remap-path-prefix=${crateDir}=wasm`,
    `--remap-path-prefix=${targetDir}=target`,
  ]
  execFileSync(
    CARGO,
    [
      'build',
      '--release',
      '--offline',
      '--locked',
      '--target',
      'wasm32-unknown-unknown',
      '--target-dir',
      targetDir,
    ],
    {
      cwd: crateDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, RUSTC, CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f'), RUSTFLAGS: '' },
    },
  )
  return join(targetDir, 'wasm32-unknown-unknown', 'release', 'spacemesh_post_wasm.wasm')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = buildWasm(join(crateDir, 'target'))
  copyFileSync(built, committedWasm)
  console.log(`build-wasm: wrote ${committedWasm}`)
}
