import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const LIB = join(__dirname, '../../lib')

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('retry-relevant service codes are listed in one table', () => {
  it.each(['RequestExpired', 'RequestTimeTooSkewed', 'ExpiredToken', 'InvalidSessionToken', 'InvalidSecurityToken'])(
    '%s appears as a literal outside errors/ (the error-kind tables) and the emulator only in retry/retry-decision.ts',
    (code) => {
      const holders = sources(LIB)
        .filter((file) => !/^(emulator|errors)\b/.test(relative(LIB, file)))
        .filter((file) => new RegExp(`['"]${code}['"]|\\b${code}:`).test(readFileSync(file, 'utf8')))
        .map((file) => relative(LIB, file).split('\\').join('/'))
        .sort()
      expect(holders).toEqual(['retry/retry-decision.ts'])
    },
  )
})
