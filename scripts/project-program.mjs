// One TypeScript program for the whole project (tsconfig.json: lib, spec, examples, scripts, bench),
// built once per run and shared: scripts/static-checks.mjs type-checks it, emits the declarations
// API Extractor reads, and hands it to ESLint's type-aware rules (parserOptions.programs), so the
// project is type-checked once per `npm test` instead of once by tsc and again by ESLint.
import path from 'node:path'
import ts from 'typescript'

/** The repository's root (this file is in scripts/). */
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

/**
 * The program of tsconfig.json, set up to emit declaration files only, into `typesDir`
 * (the options that type-check are tsconfig.json's, unchanged).
 */
export function createProjectProgram(typesDir) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  })
  const options = {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    outDir: typesDir,
  }
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  })
  return program
}

/** tsc's own rendering of diagnostics (file:line:col, code, message), in colour on a terminal. */
const formatHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
}

/** Renders diagnostics as tsc prints them. */
const format = (diagnostics) =>
  process.stderr.isTTY
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)
    : ts.formatDiagnostics(diagnostics, formatHost)

/**
 * Type-checks the program as `tsc --noEmit` does; returns the errors rendered as tsc prints them,
 * or '' when there are none.
 */
export function typecheck(program) {
  const diagnostics = ts.getPreEmitDiagnostics(program)
  if (diagnostics.length === 0) return ''
  const count = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length
  return `${format(diagnostics)}\nFound ${count} error(s).`
}

/** Writes the declaration files of the program (into the `typesDir` it was created with). */
export function emitDeclarations(program) {
  const { diagnostics } = program.emit(undefined, undefined, undefined, true)
  return diagnostics.length === 0 ? '' : format(diagnostics)
}
