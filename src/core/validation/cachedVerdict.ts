/**
 * Memoizes a validator whose verdict is a pure function of the message bytes and a context shared
 * by everyone using `cache` (e.g. simulated nodes of one layer): the decoded message or the typed
 * rejection is computed once and replayed, so a signature or VRF is checked once instead of once
 * per node. A rejection is rethrown as the same error object; any other exception (a bug, not a
 * verdict) propagates and is not cached. Without a cache, `check` simply runs.
 */
export function cachedVerdict<T, E extends Error>(
  cache: Map<string, T | E> | undefined,
  key: () => string,
  rejection: abstract new (...args: never[]) => E,
  check: () => T,
): T {
  if (cache === undefined) return check()
  const k = key()
  let hit = cache.get(k)
  if (hit === undefined) {
    try {
      hit = check()
    } catch (e) {
      if (!(e instanceof rejection)) throw e
      hit = e
    }
    cache.set(k, hit)
  }
  if (hit instanceof rejection) throw hit
  return hit as T
}
