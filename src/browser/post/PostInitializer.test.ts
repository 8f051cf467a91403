import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { sim } from '../../core/params/presets.ts'
import { computeLabel, computeLabelFull } from '../../core/post/computeLabel.ts'
import { createLabelerService } from '../../workers/createLabelerService.ts'
import { createMemoryOpfs } from '../../workers/createMemoryOpfs.ts'
import { loadLabeler } from '../../workers/loadLabeler.ts'
import { createPostAllocation } from './createPostAllocation.ts'
import { openPostMetadataStore, type PostMetadataStore } from './openPostMetadataStore.ts'
import { PostInitializer, type PostInitProgress } from './PostInitializer.ts'

const grantingLocks = {
  request: (_name: string, _opts: unknown, cb: (lock: unknown) => unknown) =>
    cb({ name: 'x', mode: 'exclusive' }),
} as unknown as LockManager

const nodeId = new Uint8Array(32).fill(1)
const commitmentAtxId = new Uint8Array(32).fill(2)
const params = sim.post // 64 labels per unit, scrypt N = 2
const numUnits = 4 // 256 labels → 4 files of 64

let dbCount = 0
async function setup() {
  const store = await openPostMetadataStore(`post-test-${dbCount++}`)
  const allocation = createPostAllocation({ params, numUnits, nodeId, commitmentAtxId })
  await store.putAllocation(allocation)
  return { store, allocation, memory: createMemoryOpfs() }
}

function initializer(
  store: PostMetadataStore,
  root: FileSystemDirectoryHandle,
  locks = grantingLocks,
  vrfDifficulty?: (n: number) => bigint,
) {
  let t = 0
  return new PostInitializer({
    ...(vrfDifficulty === undefined ? {} : { vrfDifficulty }),
    store,
    createWorker: () => ({ api: createLabelerService(loadLabeler, async () => root), terminate() {} }),
    now: () => (t += 10),
    locks,
  })
}

/** The reference answer: every label and the index of the smallest full label. */
function expected(commitment: Uint8Array) {
  const total = numUnits * params.labelsPerUnit
  const labels = new Uint8Array(total * 16)
  let best = 0
  let bestFull: Uint8Array | undefined
  for (let i = 0; i < total; i++) {
    const full = computeLabelFull(commitment, i, params.scryptN)
    labels.set(full.subarray(0, 16), i * 16)
    if (bestFull === undefined || Buffer.compare(full, bestFull) < 0) {
      best = i
      bestFull = full
    }
  }
  return { labels, nonce: best }
}

function readAll(file: (name: string) => { bytes: Uint8Array } | undefined): Uint8Array {
  const parts = [0, 1, 2, 3].map((i) => file(`postdata_${i}.bin`)?.bytes ?? new Uint8Array(0))
  return Uint8Array.from(parts.flatMap((p) => [...p]))
}

describe('PostInitializer', () => {
  it('writes every label in post-rs file layout and records the smallest one as VRF nonce', async () => {
    const { store, allocation, memory } = await setup()
    expect(allocation.labelsPerFile).toBe(64)
    expect(await initializer(store, memory.root).run(2, () => {})).toBe('done')
    const want = expected(allocation.commitment)
    expect(readAll(memory.file)).toEqual(want.labels)
    const done = await store.getAllocation()
    expect(done?.nonce).toBe(want.nonce)
    expect(done?.labelsComputed).toBe(256)
  })

  it('resumes after a pause from the files, relabeling nothing', async () => {
    const { store, allocation, memory } = await setup()
    const first = initializer(store, memory.root)
    let seen: PostInitProgress | undefined
    const outcome = await first.run(1, (p) => {
      seen = p
      if (p.labelsDone >= 100) first.pause()
    })
    expect(outcome).toBe('paused')
    const pausedAt = seen?.labelsDone ?? 0
    expect(pausedAt).toBeGreaterThanOrEqual(100)
    expect(pausedAt).toBeLessThan(256)
    const before = readAll(memory.file)
    expect(await initializer(store, memory.root).run(2, () => {})).toBe('done')
    const after = readAll(memory.file)
    expect(after.subarray(0, before.length)).toEqual(before)
    expect(after).toEqual(expected(allocation.commitment).labels)
    expect((await store.getAllocation())?.labelsComputed).toBe(256)
  })

  it('keeps labels written but never recorded, drops a partial label, and still finds the nonce', async () => {
    const { store, allocation, memory } = await setup()
    const first = initializer(store, memory.root)
    await first.run(1, (p) => {
      if (p.labelsDone >= 8) first.pause()
    })
    // A tab closed after flushing 5 more labels but before IndexedDB recorded them, mid-way into a 6th.
    const f0 = memory.file('postdata_0.bin')
    if (f0 === undefined) throw new Error('file 0 missing')
    const at = f0.bytes.length / 16
    const extra = new Uint8Array(5 * 16 + 7)
    for (let k = 0; k < 6; k++) {
      extra.set(
        computeLabel(allocation.commitment, at + k, params.scryptN).subarray(0, k < 5 ? 16 : 7),
        k * 16,
      )
    }
    f0.bytes = Uint8Array.from([...f0.bytes, ...extra])
    expect(await initializer(store, memory.root).run(2, () => {})).toBe('done')
    const want = expected(allocation.commitment)
    expect(readAll(memory.file)).toEqual(want.labels)
    const done = await store.getAllocation()
    expect(done?.labelsComputed).toBe(256 - 5)
    expect(done?.nonce).toBe(want.nonce)
  })

  it('searches past the data for a VRF nonce when no stored label qualifies', async () => {
    const { store, allocation, memory } = await setup()
    const stored = expected(allocation.commitment)
    const asNumber = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex')}`)
    // The smallest stored label as threshold: nothing stored is strictly below it.
    const difficulty = asNumber(computeLabelFull(allocation.commitment, stored.nonce, params.scryptN))
    expect(await initializer(store, memory.root, grantingLocks, () => difficulty).run(2, () => {})).toBe(
      'done',
    )
    const done = await store.getAllocation()
    const nonce = done?.nonce ?? -1
    expect(nonce).toBeGreaterThanOrEqual(256)
    expect(asNumber(computeLabelFull(allocation.commitment, nonce, params.scryptN)) < difficulty).toBe(true)
    expect(done?.lastPosition).toBeGreaterThan(nonce)
    expect(readAll(memory.file)).toEqual(stored.labels)
  })

  it('reports a full quota as quota-exceeded and leaves only whole, recorded labels', async () => {
    const { store, allocation } = await setup()
    const memory = createMemoryOpfs({ quotaBytes: 100 * 16 + 5 })
    await expect(initializer(store, memory.root).run(2, () => {})).rejects.toMatchObject({
      code: 'quota-exceeded',
    })
    const onDisk = readAll(memory.file)
    expect(onDisk.length % 16).toBe(0)
    expect(onDisk.length).toBeLessThanOrEqual(100 * 16)
    const files = await store.getFiles()
    expect(files.reduce((a, f) => a + f.labelsRecorded, 0) * 16).toBe(onDisk.length)
    expect(onDisk).toEqual(expected(allocation.commitment).labels.subarray(0, onDisk.length))
  })

  it('refuses to label while another tab holds the lock', async () => {
    const { store, memory } = await setup()
    const held = {
      request: (_n: string, _o: unknown, cb: (l: null) => unknown) => cb(null),
    } as unknown as LockManager
    await expect(initializer(store, memory.root, held).run(1, () => {})).rejects.toMatchObject({
      code: 'locked-elsewhere',
    })
    expect(memory.file('postdata_0.bin')).toBeUndefined()
  })
})
