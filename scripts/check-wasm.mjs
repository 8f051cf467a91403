#!/usr/bin/env node
// Fails unless src/post-wasm/post.wasm is exactly what wasm/ builds to: rebuilds into a fresh
// temporary target dir (no cache) and compares bytes. Run first by `npm run test:unit`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWasm, committedWasm } from './build-wasm.mjs'

const dir = mkdtempSync(join(tmpdir(), 'post-wasm-check-'))
try {
  const fresh = readFileSync(buildWasm(dir))
  const committed = readFileSync(committedWasm)
  if (!fresh.equals(committed)) {
    console.error(
      `check-wasm: src/post-wasm/post.wasm differs from a fresh build of wasm/ (expected ${fresh.length} bytes, got ${committed.length}); run npm run build:wasm and commit`,
    )
    process.exit(1)
  }
  console.log(`check-wasm: post.wasm matches a fresh build (${fresh.length} bytes)`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
