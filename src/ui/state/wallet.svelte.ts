/**
 * The wallet as the UI sees it: which screen applies (no wallet, locked, unlocked), the
 * accounts with their addresses, and the last error as text. All cryptography and storage is
 * in src/wallet; this class only sequences calls and turns WalletError codes into messages.
 */
import { addAccount } from '../../wallet/addAccount.ts'
import { createWallet } from '../../wallet/createWallet.ts'
import { exportWalletFile } from '../../wallet/exportWalletFile.ts'
import { importWalletFile } from '../../wallet/importWalletFile.ts'
import type { KeystoreStore } from '../../wallet/KeystoreStore.ts'
import { type AccountView, listAccounts } from '../../wallet/listAccounts.ts'
import type { UnlockedWallet } from '../../wallet/openKeystore.ts'
import { unlockWallet } from '../../wallet/unlockWallet.ts'
import { WalletError } from '../../wallet/WalletError.ts'

export type WalletPhase = 'loading' | 'none' | 'locked' | 'unlocked'

const messages: Partial<Record<WalletError['code'], string>> = {
  KEYSTORE_EXISTS: 'A wallet is already stored in this browser. Unlock it, or import to replace it.',
  WRONG_PASSWORD: 'Wrong password. Nothing was changed; try again.',
  CORRUPT_KEYSTORE:
    'The stored wallet is damaged and cannot be opened. Restore it from your recovery phrase.',
  NO_KEYSTORE: 'No wallet is stored in this browser.',
}

export class WalletState {
  phase = $state<WalletPhase>('loading')
  accounts = $state<AccountView[]>([])
  walletName = $state('')
  error = $state('')
  busy = $state(false)
  progress = $state<number | null>(null)
  #unlocked: UnlockedWallet | undefined

  constructor(
    private readonly store: KeystoreStore,
    readonly hrp: string,
  ) {}

  /** Reads whether a wallet is stored; a browser that refuses IndexedDB is reported, not hidden. */
  async load(): Promise<void> {
    try {
      this.phase = (await this.store.read()) === undefined ? 'none' : 'locked'
    } catch (err) {
      this.error = `This browser refused to open the wallet storage (IndexedDB): ${String(err)}`
    }
  }

  /** Stores a wallet for `mnemonic`; `replace` overwrites a stored one (import), else it refuses. */
  create(mnemonic: string, password: string, replace = false): Promise<boolean> {
    return this.#run(async () => this.#show(await createWallet(this.store, { mnemonic, password, replace })))
  }

  unlock(password: string): Promise<boolean> {
    return this.#run(async () => this.#show(await unlockWallet(this.store, password)))
  }

  /** Opens an smapp-lite wallet file and stores it here under the same password. */
  importFile(text: string, password: string): Promise<boolean> {
    return this.#run(async () => {
      const { secrets, meta } = await importWalletFile(text, password, (p) => (this.progress = p))
      this.progress = null
      const w = await createWallet(this.store, {
        mnemonic: secrets.mnemonic,
        accounts: secrets.accounts,
        displayName: meta.displayName,
        password,
        replace: true,
      })
      this.#show(w)
    })
  }

  addAccount(): Promise<boolean> {
    return this.#run(async () => {
      if (this.#unlocked === undefined) throw new WalletError('LOCKED', 'the wallet is locked')
      this.#show(await addAccount(this.store, this.#unlocked))
    })
  }

  /** smapp-lite wallet file text, encrypted with `password` (must be the wallet's password). */
  async exportFile(password: string): Promise<string | undefined> {
    let text: string | undefined
    await this.#run(async () => {
      const w = await unlockWallet(this.store, password)
      text = await exportWalletFile(w, password, undefined, (p) => (this.progress = p))
      this.progress = null
    })
    return text
  }

  lock(): void {
    this.#unlocked = undefined
    this.accounts = []
    this.error = ''
    this.phase = 'locked'
  }

  clearError(): void {
    this.error = ''
  }

  #show(w: UnlockedWallet): void {
    this.#unlocked = w
    this.walletName = w.meta.displayName
    this.accounts = listAccounts(w.secrets, this.hrp)
    this.phase = 'unlocked'
  }

  async #run(action: () => Promise<void>): Promise<boolean> {
    this.busy = true
    this.error = ''
    try {
      await action()
      return true
    } catch (err) {
      this.progress = null
      this.error =
        err instanceof WalletError ? (messages[err.code] ?? err.message) : `Unexpected error: ${String(err)}`
      return false
    } finally {
      this.busy = false
    }
  }
}
