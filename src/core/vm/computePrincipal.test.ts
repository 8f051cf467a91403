import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { encodeAddress } from '../crypto/address.ts'
import { computePrincipal, walletPrincipal } from './computePrincipal.ts'
import { MULTISIG_TEMPLATE, templateNameOf, VAULT_TEMPLATE, WALLET_TEMPLATE } from './templates.ts'

describe('computePrincipal (genvm core.ComputePrincipal)', () => {
  it('matches the reference single-sig vectors (reference §8 vectors 2, 7, 15)', () => {
    const pk = hexToBytes('683ddb36a04ad05d7348058313c3f633f5bac9e973ca12fd399326c4214212fa')
    expect(bytesToHex(walletPrincipal(pk))).toBe('000000002c3dcf45633d678c25c99b93984e6e4419870910')
    expect(bytesToHex(computePrincipal(WALLET_TEMPLATE, pk))).toBe(
      '000000002c3dcf45633d678c25c99b93984e6e4419870910',
    )
    const pk2 = hexToBytes('a618d48453eba74b5818dda29db7ddf2f14ccc200b12a18e807965aa01592399')
    expect(encodeAddress(walletPrincipal(pk2), 'sm')).toBe('sm1qqqqqqzfhvek32a4cd8haapqydf5k9qedp8xlfgcqfcuq')
    const pk3 = hexToBytes('de30fc9b812248583da6259433626fcdd2cb5ce589b00047b81e127950b9bca6')
    expect(encodeAddress(walletPrincipal(pk3), 'sm')).toBe('sm1qqqqqqz9rf583slhn38g6q6a562ctltv9fv5w8q2gdz9k')
  })

  it('matches the reference multisig vectors', () => {
    const pk1 = '00'.repeat(32)
    const pk2 = '01'.repeat(32)
    // Required c8 ‖ compact32 count ‖ keys.
    expect(bytesToHex(computePrincipal(MULTISIG_TEMPLATE, hexToBytes(`0404${pk1}`)))).toBe(
      '0000000000670037aa21bb026c7236ee3506255c8de85793',
    )
    expect(bytesToHex(computePrincipal(MULTISIG_TEMPLATE, hexToBytes(`0408${pk1}${pk2}`)))).toBe(
      '0000000012d081f2638f6c3c4edf6b85948821a7f5220b3b',
    )
    expect(bytesToHex(computePrincipal(MULTISIG_TEMPLATE, hexToBytes(`0808${pk1}${pk2}`)))).toBe(
      '000000002137e5ac9f0dc555a7d419d168f9d1c54b698a44',
    )
  })

  it('names templates', () => {
    expect(templateNameOf(WALLET_TEMPLATE)).toBe('wallet')
    expect(templateNameOf(VAULT_TEMPLATE)).toBe('vault')
    expect(templateNameOf(new Uint8Array(24))).toBeUndefined()
    const five = new Uint8Array(24)
    five[23] = 5
    expect(templateNameOf(five)).toBeUndefined()
  })
})
