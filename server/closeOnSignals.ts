/**
 * Shutdown on SIGINT/SIGTERM for the long-running commands (`start`, `poet`): the first signal
 * runs `close()` — for the PoET service that saves a last checkpoint of the round under way —
 * then exits; a later signal exits at once, for when closing hangs. A repeat within
 * `sameSignalMs` counts as the same request: one Ctrl-C under `npm start` reaches the process
 * from the terminal and again relayed by npm and tsx, and must not skip the checkpoint.
 */
export interface CloseOnSignalsOptions {
  readonly close: () => Promise<void>
  readonly log?: (msg: string) => void
  /** Where the signals come from (default `process`). */
  readonly signals?: { on(event: 'SIGINT' | 'SIGTERM', listener: (signal: string) => void): unknown }
  readonly exit?: (code: number) => void
  readonly now?: () => number
  readonly sameSignalMs?: number
}

export function closeOnSignals(o: CloseOnSignalsOptions): void {
  const log = o.log ?? ((msg: string) => console.log(msg))
  const exit = o.exit ?? ((code: number) => process.exit(code))
  const now = o.now ?? (() => Date.now())
  const sameSignalMs = o.sameSignalMs ?? 1000
  let firstAt: number | undefined
  const onSignal = (signal: string) => {
    if (firstAt === undefined) {
      firstAt = now()
      log(`${signal}: stopping (saving state); signal again to exit at once`)
      o.close().then(
        () => exit(0),
        (err: unknown) => {
          log(`stopping failed: ${err instanceof Error ? err.message : String(err)}`)
          exit(1)
        },
      )
    } else if (now() - firstAt >= sameSignalMs) {
      log(`${signal} again: exiting without waiting`)
      exit(1)
    }
  }
  const signals = o.signals ?? process
  signals.on('SIGINT', onSignal)
  signals.on('SIGTERM', onSignal)
}
