/**
 * PWA entry (composition root of the UI): opens the wallet's IndexedDB store, builds the UI
 * state with the network's address prefix, mounts the app and registers the service worker.
 */
import { mount } from 'svelte'
import { standalone } from './core/params/presets.ts'
import App from './ui/App.svelte'
import './ui/app.css'
import { WalletState } from './ui/state/wallet.svelte.ts'
import type { KeystoreStore } from './wallet/KeystoreStore.ts'
import { openIndexedDbKeystoreStore } from './wallet/openIndexedDbKeystoreStore.ts'

const target = document.getElementById('app')
if (target === null) throw new Error('missing #app element')

// Mount first and open IndexedDB behind a forwarding store, so the shell paints immediately.
const opening = openIndexedDbKeystoreStore()
const store: KeystoreStore = {
  read: async () => (await opening).read(),
  write: async (record) => (await opening).write(record),
  remove: async () => (await opening).remove(),
}
const wallet = new WalletState(store, standalone.hrp)
mount(App, { target, props: { wallet } })
void wallet.load()

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register('/sw.js', { type: 'module' }).catch((err: unknown) => {
    console.warn('service worker registration failed', err)
  })
}
