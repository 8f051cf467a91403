import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite } from './openSqlite.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempPath(): string {
  const d = mkdtempSync(join(tmpdir(), 'sqlite-'))
  dirs.push(d)
  return join(d, 'db.sqlite')
}

describe('openSqlite', () => {
  it('runs only the migrations a database has not seen, in WAL mode', () => {
    const path = tempPath()
    const v1 = ['CREATE TABLE a (x INTEGER)']
    const db1 = openSqlite({ path, migrations: v1 })
    db1.prepare('INSERT INTO a VALUES (1)').run()
    expect(db1.pragma('journal_mode', { simple: true })).toBe('wal')
    db1.close()
    const db2 = openSqlite({ path, migrations: [...v1, 'ALTER TABLE a ADD COLUMN y TEXT'] })
    expect(db2.pragma('user_version', { simple: true })).toBe(2)
    expect(db2.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 1, y: null }])
    db2.close()
  })

  it('leaves the version unchanged when a migration fails, and refuses a newer schema', () => {
    const path = tempPath()
    expect(() => openSqlite({ path, migrations: ['CREATE TABLE a (x)', 'NOT SQL'] })).toThrow()
    const db = openSqlite({ path, migrations: ['CREATE TABLE a (x)'] })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.close()
    expect(() => openSqlite({ path, migrations: [] })).toThrow(/newer/)
  })
})
