/**
 * The protocol core is pure: time, randomness and I/O come in through arguments. The core's
 * tsconfig (lib ES2022, types []) and Biome's restricted globals catch most escapes; this
 * catches what they cannot see, such as `Math.random` and `console`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const forbidden = [
  /\bMath\.random\s*\(/,
  /\bconsole\./,
  /\bperformance\.now\s*\(/,
  /\bDate\.now\s*\(/,
  /\bnew Date\s*\(/,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

it('src/core never reaches for ambient time, randomness or the console', () => {
  const offences = sourceFiles('src/core').flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        forbidden.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
      ),
  )
  expect(offences).toEqual([])
})
