import { join, resolve } from 'node:path'
import ts from 'typescript'

/**
 * What an editor shows when hovering a client method: the real signature, with `ResultAsync` and
 * the error union spelled out (the client error and the service-error kinds), not an alias that
 * hides them. Read with the TypeScript language service over a small fixture.
 */
const root = resolve(__dirname, '..', '..')
const fixture = join(root, 'spec', 'fixtures', 'hover', 'client-methods.ts')

function languageService(): ts.LanguageService {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )
  const options: ts.CompilerOptions = { ...(parsed?.options ?? {}), types: [] }
  return ts.createLanguageService({
    getScriptFileNames: () => [fixture],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = ts.sys.readFile(file)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => ts.sys.fileExists(file),
    readFile: (file) => ts.sys.readFile(file),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (dir) => ts.sys.directoryExists(dir),
    getDirectories: (dir) => ts.sys.getDirectories(dir),
  })
}

describe('hovering a client method', () => {
  let hover: (name: string) => string
  beforeAll(() => {
    const service = languageService()
    const text = ts.sys.readFile(fixture) ?? ''
    hover = (name) => {
      const at = text.indexOf(`const ${name} =`) + 'const '.length
      const info = service.getQuickInfoAtPosition(fixture, at)
      return ts.displayPartsToString(info?.displayParts)
    }
  }, 120_000)

  it.each([
    [
      'created',
      '(input: CreateUserInput, options?: CallOptions<"createUser"> | undefined) => ResultAsync<User, BceClientError | ServiceError<"AlreadyExists" | "LimitExceeded" | CommonErrorKind>>',
    ],
    ['fetched', 'ResultAsync<User, BceClientError | ServiceError<"NotFound" | CommonErrorKind>>'],
    [
      'listed',
      '(input?: NoInput | undefined, options?: CallOptions<"listUsers"> | undefined) => ResultAsync<readonly User[], BceClientError | ServiceError<CommonErrorKind>>',
    ],
    [
      'assumed',
      '(input: AssumeRoleInput, options?: CallOptions<"assumeRole"> | undefined) => ResultAsync<SessionCredentials, BceClientError | ServiceError<',
    ],
  ])('%s shows the signature with ResultAsync and the error kinds', (name, shown) => {
    const text = hover(name)
    expect(text).toContain(shown)
    expect(text).not.toMatch(/OperationError<|ClientMethod<|ErrorOf</)
  })
})
