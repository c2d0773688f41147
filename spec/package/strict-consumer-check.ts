import { dirname } from 'node:path'
import ts from 'typescript'

/** tsc's rendering of diagnostics, file names relative to `dir`. */
const formatHost = (dir: string): ts.FormatDiagnosticsHost => ({
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => dir,
  getNewLine: () => '\n',
})

/** The package under test, as installed in the consumer's node_modules. */
const isPackageFile = (fileName: string, packageName: string): boolean =>
  fileName.includes(`/node_modules/${packageName}/`)

/**
 * Type-checks the consumer once per tsconfig.json in `configFiles` (name to path), each its own
 * program, as `tsc -p <file>` would, and returns the errors rendered as tsc prints them, each
 * under the name of its config ('' when there are none). One process for all of them: TypeScript
 * loads once, and the type-checking below is cheaper than `skipLibCheck: false` over every file.
 *
 * In every program: the options, global and syntactic diagnostics of every file, and the semantic
 * diagnostics of the consumer's file and of every declaration file of `packageName`: what
 * `skipLibCheck: false` adds for the package under test. In the program of `fullCheck` also the
 * semantic diagnostics of every other declaration file it loads (the package's dependencies', such
 * as undici's and neverthrow's, which a consumer with `skipLibCheck: false` type-checks because
 * the package's declarations import them), except `@types/node`'s: the consumer has those whatever
 * it installs, and they were about half of the check's time. The other programs skip third-party
 * files, as they are the same files checked again. TypeScript's own lib files are skipped
 * everywhere, as `skipDefaultLibCheck` does: they are not the package's.
 */
export function checkStrictConsumer(
  configFiles: Readonly<Record<string, string>>,
  packageName: string,
  fullCheck: string,
): string {
  const rendered = Object.entries(configFiles).map(([name, configFile]) => {
    const host = formatHost(dirname(configFile))
    let unreadable: ts.Diagnostic | undefined
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => (unreadable = diagnostic),
    })
    if (parsed === undefined) return `${name}:\n${unreadable ? ts.formatDiagnostic(unreadable, host) : configFile}\n`
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
    })
    const diagnostics = [
      ...program.getConfigFileParsingDiagnostics(),
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
    ]
    for (const sourceFile of program.getSourceFiles()) {
      if (program.isSourceFileDefaultLibrary(sourceFile)) continue
      const own = !sourceFile.isDeclarationFile || isPackageFile(sourceFile.fileName, packageName)
      const thirdParty = name === fullCheck && !isPackageFile(sourceFile.fileName, '@types/node')
      if (own || thirdParty) diagnostics.push(...program.getSemanticDiagnostics(sourceFile))
    }
    const text = ts.formatDiagnostics(diagnostics, host)
    return text === '' ? '' : `${name}:\n${text}`
  })
  return rendered.join('')
}
