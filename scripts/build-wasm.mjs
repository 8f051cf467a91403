#!/usr/bin/env node
// Builds the two Rust crates with Debian's rustc 1.63 and copies each module to the file its
// binding loads and git tracks (see wasm/README.md):
//   wasm/       → src/post-wasm/post.wasm   (PoST labeler and AES scan)
//   wasm/curve/ → src/curve-wasm/curve.wasm (edwards25519 kernel for ed25519 and ECVRF)
// Reproducible: the only paths that could leak into a module (the crate's own and the target
// dir) are remapped, and scripts/check-wasm.mjs rebuilds into temporary target dirs to prove
// the bytes match. `node scripts/build-wasm.mjs [post|curve]` builds one.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RUSTC = '/usr/bin/rustc'
const CARGO = '/usr/bin/cargo'

/** Every crate: where it lives, what cargo names its module, where the module is committed. */
export const crates = [
  {
    name: 'post',
    crateDir: join(root, 'wasm'),
    remapAs: 'wasm',
    artifact: 'spacemesh_post_wasm.wasm',
    committedWasm: join(root, 'src', 'post-wasm', 'post.wasm'),
    defaultTargetDir: join(root, 'wasm', 'target'),
  },
  {
    name: 'curve',
    crateDir: join(root, 'wasm', 'curve'),
    remapAs: 'wasm/curve',
    artifact: 'spacemesh_curve_wasm.wasm',
    committedWasm: join(root, 'src', 'curve-wasm', 'curve.wasm'),
    // Inside wasm/target, which git and Biome already ignore.
    defaultTargetDir: join(root, 'wasm', 'target', 'curve'),
  },
]

/** Builds `crate` into `targetDir` and returns the path of the produced .wasm. */
export function buildWasm(crate, targetDir) {
  for (const tool of [RUSTC, CARGO]) {
    if (!existsSync(tool)) {
      throw new Error(`expected ${tool} (apt-get install rustc libstd-rust-dev-wasm32 lld), got nothing`)
    }
  }
  // RUSTFLAGS replaces build.rustflags of the crate's .cargo/config.toml, so repeat simd128 here.
  const rustflags = [
    '-C',
    'target-feature=+simd128',
    `--remap-path-prefix=${crate.crateDir}=${crate.remapAs}`,
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
      cwd: crate.crateDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, RUSTC, CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f'), RUSTFLAGS: '' },
    },
  )
  return join(targetDir, 'wasm32-unknown-unknown', 'release', crate.artifact)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv[2]
  const selected = crates.filter((crate) => only === undefined || crate.name === only)
  if (selected.length === 0) {
    throw new Error(`expected a crate name (${crates.map((c) => c.name).join(' | ')}), got ${only}`)
  }
  for (const crate of selected) {
    copyFileSync(buildWasm(crate, crate.defaultTargetDir), crate.committedWasm)
    console.log(`build-wasm: wrote ${crate.committedWasm}`)
  }
}
