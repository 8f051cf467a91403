import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkPostStorage } from './checkPostStorage.ts'

function stubStorage(usage: number, quota: number, persisted: boolean) {
  const persist = vi.fn(async () => persisted)
  vi.stubGlobal('navigator', {
    storage: {
      getDirectory: async () => ({}),
      estimate: async () => ({ usage, quota }),
      persisted: async () => false,
      persist,
    },
  })
  return persist
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('checkPostStorage', () => {
  it('asks for persistent storage and accepts an allocation that fits', async () => {
    const persist = stubStorage(1000, 10_000, true)
    await expect(checkPostStorage(9000)).resolves.toEqual({
      usage: 1000,
      quota: 10_000,
      persisted: true,
      neededBytes: 9000,
    })
    expect(persist).toHaveBeenCalledOnce()
  })

  it('refuses an allocation larger than the free quota, naming both sizes', async () => {
    stubStorage(2 * 2 ** 30, 3 * 2 ** 30, false)
    await expect(checkPostStorage(2 * 2 ** 30)).rejects.toMatchObject({
      code: 'insufficient-storage',
      message: 'this allocation needs 2.0 GiB more, but only 1.0 GiB of the 3.0 GiB quota is free',
    })
  })

  it('reports a browser without OPFS', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({}) } })
    await expect(checkPostStorage(1)).rejects.toMatchObject({ code: 'opfs-unavailable' })
  })
})
