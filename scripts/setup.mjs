#!/usr/bin/env node
// Makes a fresh clone runnable: npm packages always; for tests also Debian's chromium, and
// rustc with the wasm32 std (to check that the committed .wasm rebuilds byte-identical).
// Plain Node, no dependencies: it runs before node_modules exists.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const forTests = process.argv.includes('--test')
const run = (cmd) => execSync(cmd, { stdio: 'inherit' })
const isRoot = process.getuid?.() === 0

function aptInstall(packages) {
  const missing = packages.filter((p) => {
    try {
      execSync(`dpkg-query -W -f='\${Status}' ${p} 2>/dev/null | grep -q 'install ok installed'`, {
        shell: '/bin/bash',
      })
      return false
    } catch {
      return true
    }
  })
  if (missing.length === 0) return
  const sudo = isRoot ? '' : 'sudo '
  console.log(`setup: installing Debian packages ${missing.join(' ')}`)
  run(`${sudo}apt-get update -q`)
  run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${missing.join(' ')}`)
}

const lock = 'package-lock.json'
const stamp = 'node_modules/.package-lock.json'
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
  console.log('setup: installing npm packages')
  run('npm ci --no-audit --no-fund')
}

if (forTests) aptInstall(['chromium', 'rustc', 'libstd-rust-dev-wasm32', 'lld'])
