/// <reference lib="webworker" />
/**
 * Service worker: caches the app shell so the PWA opens offline. The shell list is the
 * navigation page plus every same-origin asset it fetches (hashed names, immutable), learnt as
 * they are requested; a new deployment changes index.html, which is fetched network-first.
 */
const sw = self as unknown as ServiceWorkerGlobalScope

const CACHE = 'spacemesh-web-shell-v1'
const SHELL = ['/', '/manifest.webmanifest', '/icon.svg']

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => sw.skipWaiting()),
  )
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
