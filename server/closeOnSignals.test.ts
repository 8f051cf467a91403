import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { closeOnSignals } from './closeOnSignals.ts'

function harness(close: () => Promise<void>) {
  const signals = new EventEmitter()
  const exits: number[] = []
  const clock = { t: 0 }
  closeOnSignals({
    close,
    signals: { on: (e, l) => signals.on(e, l) },
    exit: (code) => exits.push(code),
    now: () => clock.t,
    log: () => {},
  })
  return { emit: (s: string) => signals.emit(s, s), exits, clock }
}

describe('closeOnSignals', () => {
  it('closes once on the first signal and exits 0 when closed', async () => {
    let closes = 0
    let finish = () => {}
    const h = harness(() => {
      closes++
      return new Promise<void>((r) => {
        finish = r
      })
    })
    h.emit('SIGINT')
    h.clock.t = 200
    h.emit('SIGINT') // the same Ctrl-C relayed by npm/tsx: ignored
    h.emit('SIGTERM')
    expect(closes).toBe(1)
    expect(h.exits).toEqual([])
    finish()
    await new Promise((r) => setImmediate(r))
    expect(h.exits).toEqual([0])
  })

  it('exits at once on a later second signal while closing hangs', () => {
    const h = harness(() => new Promise<void>(() => {}))
    h.emit('SIGTERM')
    h.clock.t = 5000
    h.emit('SIGINT')
    expect(h.exits).toEqual([1])
  })

  it('exits 1 when closing fails', async () => {
    const h = harness(() => Promise.reject(new Error('disk full')))
    h.emit('SIGINT')
    await new Promise((r) => setImmediate(r))
    expect(h.exits).toEqual([1])
  })
})
