import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = mkdtempSync(join(tmpdir(), 'post-cli-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const cli = ['--import', 'tsx', 'server/cli.ts', 'post']
const runCli = (...args: string[]) => spawnSync(process.execPath, [...cli, ...args], { encoding: 'utf8' })
const dir = join(root, 'post')
const ids = ['--node-id', '4d'.repeat(32), '--commitment-atx', '01'.repeat(32)]
const alloc = [
  '--dir',
  dir,
  ...ids,
  '--units',
  '2',
  '--labels-per-unit',
  '128',
  '--n',
  '16',
  '--max-file-size',
  '1024',
]
const challenge = ['--challenge', '11'.repeat(32)]
const proofParams = ['--preset', 'sim', '--n', '16', '--pow-difficulty', `08${'ff'.repeat(31)}`]

describe('post init / prove / verify (child process)', () => {
  it('stops at --max-labels, resumes, proves and verifies; a tampered proof fails with its reason', () => {
    const first = runCli('init', ...alloc, '--threads', '2', '--batch', '32', '--max-labels', '100')
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('stopped; rerun the same command to resume')
    expect(statSync(join(dir, 'postdata_1.bin')).size).toBe(36 * 16)

    const second = runCli('init', ...alloc, '--threads', '2', '--batch', '32')
    expect(second.status, second.stderr).toBe(0)
    expect(second.stdout).toMatch(/progress 256\/256 labels 100\.0%/)
    expect(second.stdout).toMatch(/initialized 256 labels; VRF nonce \d+/)

    const proved = runCli('prove', '--dir', dir, ...challenge, ...proofParams)
    expect(proved.status, proved.stderr).toBe(0)
    const out = JSON.parse(proved.stdout)
    expect(out.metadata).toMatchObject({ numUnits: 2, labelsPerUnit: 128, challenge: '11'.repeat(32) })
    // sim: K2 = 4 indices of bitlen(256) = 9 bits → 5 bytes.
    expect(out.proof.indices).toMatch(/^[0-9a-f]{10}$/)
    const proofFile = join(root, 'proof.json')
    writeFileSync(proofFile, proved.stdout)
    const ok = runCli('verify', '--dir', dir, ...challenge, ...proofParams, '--proof', proofFile)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toBe('valid\n')

    const tampered = join(root, 'tampered.json')
    writeFileSync(tampered, JSON.stringify({ ...out, proof: { ...out.proof, nonce: out.proof.nonce ^ 1 } }))
    const bad = runCli('verify', '--dir', dir, ...challenge, ...proofParams, '--proof', tampered)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/^error: invalid proof: LABEL_DOES_NOT_QUALIFY: [^\n]+\n$/)
  })

  it('stops on Ctrl-C after the batches in flight, with exit code 130', async () => {
    const big = [
      '--dir',
      join(root, 'big'),
      ...ids,
      '--units',
      '1',
      '--labels-per-unit',
      '1000000',
      '--n',
      '16',
    ]
    const child = spawn(process.execPath, [...cli, 'init', ...big, '--batch', '64'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let sent = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!sent && stdout.includes('progress')) sent = child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(130)
    expect(stdout).toContain('stopped; rerun the same command to resume')
    expect(statSync(join(root, 'big', 'postdata_0.bin')).size % 16).toBe(0)
    expect(readFileSync(join(root, 'big', 'postdata_metadata.json'), 'utf8')).not.toContain('Nonce')
  })
})
