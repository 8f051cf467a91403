export * from './address.ts'
export * from './hash.ts'
export * from './signing.ts'
export * from './vrf.ts'
