#!/usr/bin/env node
// Fails unless every committed module (src/post-wasm/post.wasm, src/curve-wasm/curve.wasm) is
// exactly what its crate builds to: rebuilds each into a fresh temporary target dir (no cache)
// and compares bytes. Run first by `npm run test:unit`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { buildWasm, crates } from './build-wasm.mjs'

let failed = false
for (const crate of crates) {
  const dir = mkdtempSync(join(tmpdir(), `${crate.name}-wasm-check-`))
  try {
    const fresh = readFileSync(buildWasm(crate, dir))
    const committed = readFileSync(crate.committedWasm)
    const file = basename(crate.committedWasm)
    if (fresh.equals(committed)) {
      console.log(`check-wasm: ${file} matches a fresh build (${fresh.length} bytes)`)
    } else {
      console.error(
        `check-wasm: ${file} differs from a fresh build of ${crate.remapAs}/ (expected ${fresh.length} bytes, got ${committed.length}); run npm run build:wasm and commit`,
      )
      failed = true
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
if (failed) process.exit(1)
