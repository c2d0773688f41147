import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { classifyServiceError, errorCodeProvenance } from '../../lib'
import { CODE_PROVENANCE, type CodeProvenance } from '../../lib/errors/code-provenance'
import { EMULATOR_CODES } from '../../lib/emulator/error-codes'

const ROOT = join(__dirname, '..', '..')
const entries = Object.entries(CODE_PROVENANCE) as Array<[string, CodeProvenance]>
const codesFrom = (source: CodeProvenance['source']): string[] =>
  entries.filter(([, provenance]) => provenance.source === source).map(([code]) => code)

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : []
  })
}

/** The codes written in the emulator's sources where an error is built (`fail(…)`, `apiError(…)`, `code: '…'`, the fault table). */
function codesInEmulatorSources(): Set<string> {
  const found = new Set<string>()
  const patterns = [
    /\b(?:fail|apiError)\(\s*\d{3},\s*'([A-Za-z]+)'/g,
    /\bcode: '([A-Za-z]+)'/g,
    /\b(?:fail|apiError)\(\s*\d{3},[^,]*\?\s*'([A-Za-z]+)'\s*:\s*'([A-Za-z]+)'/g,
    /^\s*\d{3}: '([A-Za-z]+)',$/gm,
  ]
  for (const file of sources(join(ROOT, 'lib', 'emulator'))) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) for (const code of match.slice(1)) if (code) found.add(code)
  }
  return found
}

describe('error-code provenance', () => {
  it("marks Baidu's documented common codes as baidu-docs", () => {
    const documented = [
      'AccessDenied',
      'InappropriateJSON',
      'InternalError',
      'InvalidAccessKeyId',
      'InvalidHTTPAuthHeader',
      'InvalidHTTPRequest',
      'InvalidURI',
      'MalformedJSON',
      'InvalidVersion',
      'OptInRequired',
      'PreconditionFailed',
      'RequestExpired',
    ]
    expect(documented.filter((code) => errorCodeProvenance(code)?.source !== 'baidu-docs')).toEqual([])
  })

  it('cites the official JS SDK for InvalidSessionToken and lists the AWS-style codes as assumptions', () => {
    expect(errorCodeProvenance('InvalidSessionToken')).toMatchObject({
      source: 'official-sdk',
      where: 'baidubce/bce-sdk-js:__tests__/putSuperObject.test.ts',
    })
    for (const code of ['EntityAlreadyExists', 'DeleteConflict', 'LimitExceeded', 'InvalidParameter', 'ExpiredToken'])
      expect([code, errorCodeProvenance(code)?.source]).toEqual([code, 'assumption'])
  })

  it('says where every code comes from, and knows no other code', () => {
    for (const [code, provenance] of entries) {
      expect([code, provenance.where.length > 0]).toEqual([code, true])
      expect(errorCodeProvenance(code)).toEqual(provenance)
      expect(Object.isFrozen(errorCodeProvenance(code))).toBe(true)
    }
    expect(errorCodeProvenance('SomethingElse')).toBeUndefined()
    expect(errorCodeProvenance('toString')).toBeUndefined()
  })

  it('has a provenance for every code the emulator can answer with, and that list is exactly what its sources build', () => {
    expect(EMULATOR_CODES.filter((code) => errorCodeProvenance(code) === undefined)).toEqual([])
    expect([...codesInEmulatorSources()].sort()).toEqual([...EMULATOR_CODES].sort())
  })

  it('keeps classifying both spellings of a rejected session token as AuthFailure', () => {
    expect(classifyServiceError(400, 'InvalidSessionToken')).toBe('AuthFailure')
    expect(classifyServiceError(403, 'ExpiredToken')).toBe('AuthFailure')
  })
})

describe('README "Where error codes come from"', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('### Where error codes come from')
  const section = readme.slice(start, readme.indexOf('\n#', start + 1))
  const bullet = (label: string): string => section.split('\n- ').find((item) => item.startsWith(`**${label}**`)) ?? ''
  const named = (text: string): Set<string> => new Set([...text.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!))

  it('exists', () => {
    expect(start).toBeGreaterThan(-1)
  })

  it.each([
    ["Baidu's docs", 'baidu-docs'],
    ['Official SDKs', 'official-sdk'],
    ['Assumptions', 'assumption'],
  ] as const)('lists exactly the %s codes', (label, source) => {
    const listed = named(bullet(label))
    const known = [...listed].filter((code) => errorCodeProvenance(code) !== undefined)
    expect(known.sort()).toEqual(codesFrom(source).sort())
  })
})
