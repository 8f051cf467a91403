/**
 * Virtual time for the simulator: a priority queue of callbacks ordered by (time, insertion
 * order), so two runs with the same inputs execute the same callbacks in the same order. Time
 * only moves when the next callback runs; nothing sleeps.
 */
interface Entry {
  readonly at: number
  readonly seq: number
  readonly run: () => void
}

export class Scheduler {
  private heap: Entry[] = []
  private seq = 0
  private current = 0
  /** Callbacks run so far. */
  executed = 0

  get now(): number {
    return this.current
  }

  /** Runs `run` at virtual time `at` (not before now). */
  at(at: number, run: () => void): void {
    const entry = { at: Math.max(at, this.current), seq: this.seq++, run }
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!less(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  /** Runs callbacks in order until the queue is empty or the next one is after `until`. */
  runUntil(until: number): void {
    while (this.heap.length > 0 && this.heap[0]!.at <= until) {
      const entry = this.pop()
      this.current = entry.at
      this.executed++
      entry.run()
    }
    this.current = Math.max(this.current, until)
  }

  private pop(): Entry {
    const h = this.heap
    const top = h[0]!
    const last = h.pop()!
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && less(h[l]!, h[m]!)) m = l
        if (r < h.length && less(h[r]!, h[m]!)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m]!, h[i]!]
        i = m
      }
    }
    return top
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
