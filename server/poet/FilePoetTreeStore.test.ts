import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  decodePoetProverCheckpoint,
  encodePoetProof,
  encodePoetProverCheckpoint,
  MemoryPoetTreeStore,
  PoetProver,
  type PoetTreeStore,
} from '../../src/core/poet/index.ts'
import { FilePoetTreeStore } from './FilePoetTreeStore.ts'

const dir = mkdtempSync(join(tmpdir(), 'poet-tree-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDir = () => join(dir, `t${n++}`)
const node = (k: number) => new Uint8Array(32).fill(k & 0xff).map((b, i) => (i === 0 ? k >> 8 : b))

const stores: [string, () => PoetTreeStore][] = [
  ['MemoryPoetTreeStore', () => new MemoryPoetTreeStore()],
  ['FilePoetTreeStore', () => new FilePoetTreeStore(freshDir())],
]

describe.each(stores)('PoetTreeStore contract: %s', (_, make) => {
  it('appends, reads back, truncates and appends again', () => {
    const store = make()
    for (let k = 0; k < 5000; k++) store.append(0, node(k)) // past the file store's buffer
    for (let k = 0; k < 7; k++) store.append(3, node(10_000 + k))
    expect(store.width(0)).toBe(5000)
    expect(store.width(3)).toBe(7)
    expect(store.width(1)).toBe(0)
    expect(store.read(0, 17)).toEqual(node(17))
    expect(store.read(0, 4999)).toEqual(node(4999))
    expect(store.read(3, 6)).toEqual(node(10_006))
    expect(() => store.read(0, 5000)).toThrow(RangeError)
    expect(() => store.read(5, 0)).toThrow(RangeError)
    store.truncate([100, 0, 0, 2])
    expect([store.width(0), store.width(3)]).toEqual([100, 2])
    expect(() => store.read(0, 100)).toThrow(RangeError)
    store.append(0, node(1))
    expect(store.read(0, 100)).toEqual(node(1))
    store.truncate([200])
    expect([store.width(0), store.width(3)]).toEqual([101, 0])
  })
})

describe('FilePoetTreeStore on disk', () => {
  const statement = new Uint8Array(32).fill(0x3a)

  it('keeps flushed nodes across a reopen and ignores a torn last record', () => {
    const path = freshDir()
    const store = new FilePoetTreeStore(path)
    for (let k = 0; k < 40; k++) store.append(0, node(k))
    store.append(1, node(500))
    store.flush()
    store.close()
    appendFileSync(join(path, 'layer-00.bin'), new Uint8Array(5))
    const again = new FilePoetTreeStore(path)
    expect([again.width(0), again.width(1)]).toEqual([40, 1])
    expect(again.read(0, 39)).toEqual(node(39))
    again.append(0, node(40))
    again.flush()
    expect(statSync(join(path, 'layer-00.bin')).size).toBe(41 * 32)
    expect(again.read(0, 40)).toEqual(node(40))
    again.remove()
  })

  it('resumes after a crash from the last checkpoint to the same proof as an uninterrupted run', () => {
    const reference = new PoetProver(statement)
    reference.step(300)
    const path = freshDir()
    const before = new FilePoetTreeStore(path)
    const first = new PoetProver(statement, before)
    first.step(123)
    before.flush() // the service flushes, then saves the checkpoint
    const saved = encodePoetProverCheckpoint(first.checkpoint())
    first.step(150)
    before.flush() // on disk, but the process dies before its checkpoint is saved …
    first.step(20) // … and with these still in the buffers
    before.close()

    const after = new FilePoetTreeStore(path)
    expect(after.width(0)).toBe(273)
    const resumed = PoetProver.fromCheckpoint(decodePoetProverCheckpoint(saved), after, statement)
    expect(resumed.leafCount).toBe(123)
    resumed.step(300 - 123)
    expect(encodePoetProof(resumed.prove(16))).toEqual(encodePoetProof(reference.prove(16)))
    after.remove()
  })
})
