export * from './selectTransactions.ts'
export * from './TxPool.ts'
export * from './TxPoolError.ts'
