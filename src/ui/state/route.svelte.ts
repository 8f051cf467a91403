/** Hash routing (#/wallet, #/smeshing): works offline from the service worker's single page. */
export type RouteName = 'wallet' | 'smeshing'

function parse(hash: string): RouteName {
  return hash === '#/smeshing' ? 'smeshing' : 'wallet'
}

export class RouteState {
  current = $state<RouteName>(parse(location.hash))

  constructor() {
    addEventListener('hashchange', () => {
      this.current = parse(location.hash)
    })
  }
}
