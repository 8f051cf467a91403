import { mount } from 'svelte'
import App from './ui/App.svelte'

const target = document.getElementById('app')
if (target === null) throw new Error('missing #app element')
mount(App, { target })

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register('/sw.js', { type: 'module' }).catch((err: unknown) => {
    console.warn('service worker registration failed', err)
  })
}
