/// <reference lib="webworker" />
/**
 * Service worker: keeps the app shell so the PWA opens offline.
 *
 * Install: fetch index.html, cache it with every same-origin `/assets/…` file it references
 * (Vite's hashed, immutable bundles) and the manifest and icons. Learning the assets only when
 * requested would miss the first visit, whose requests happen before this worker controls the
 * page. Lazily loaded chunks (workers, WASM) are added to the cache the first time they load.
 *
 * Fetch: navigations are network-first (a new deployment ships a new index.html), falling back
 * to the cached shell offline; `/assets/` is cache-first; the API and `/config.json` are never
 * cached. Responses are cached with their headers, so COOP/COEP (cross-origin isolation) hold
 * offline too.
 *
 * Activate: drop caches of older versions. Bump CACHE when this file's strategy changes.
 */
const sw = self as unknown as ServiceWorkerGlobalScope

const CACHE = 'spacemesh-web-shell-v2'
const STATIC = ['/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png']

sw.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => sw.skipWaiting()))
})

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  )
})

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname === '/config.json') return
  if (event.request.mode === 'navigate') {
    event.respondWith(networkFirst(new Request('/')))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(event.request))
  } else {
    event.respondWith(networkFirst(event.request))
  }
})

async function precacheShell(): Promise<void> {
  const cache = await caches.open(CACHE)
  const index = await fetch('/', { cache: 'no-cache' })
  if (!index.ok) throw new Error(`install: GET / answered ${index.status}`)
  const html = await index.clone().text()
  const assets = new Set<string>()
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(m[1]!)
  await cache.put('/', index)
  await cache.addAll([...STATIC, ...assets])
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone())
  return response
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request)
    if (response.ok) await (await caches.open(CACHE)).put(request, response.clone())
    return response
  } catch (err) {
    const cached = await caches.match(request)
    if (cached) return cached
    throw err
  }
}
