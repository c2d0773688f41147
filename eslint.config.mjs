// ESLint flat config: typescript-eslint strict-type-checked over the whole project (three costly
// rules off for tests and benchmarks, see below), with no-floating-promises checking thenables, so
// an unhandled ResultAsync is an error, and the folder layers of lib/ enforced with
// no-restricted-imports (generated from LAYERS below).
import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The folder layers of lib/, lowest first: THE list the import rules are generated from.
 * A folder may import its own files and folders of LOWER layers only; folders in the same layer
 * (siblings) may not import each other. `only` narrows a layer to what it may import: folders, or
 * single files as `folder/file`.
 * Packages (neverthrow, undici, io-ts, fp-ts, node:*) are allowed everywhere; the rules only see
 * relative specifiers.
 * Above every layer: the entry points, lib/*.ts and the ENTRY_FOLDERS, then the TOP_FOLDERS.
 */
const LAYERS = [
  { folders: ['errors'] }, // error types, constructors, scrubbing, classification, issue paths
  { folders: ['observe'] }, // observer events
  { folders: ['decode', 'retry'] },
  { folders: ['http'] }, // transport, endpoint, the prepared request
  { folders: ['auth'] }, // signing, signing clock, credentials and providers
  { folders: ['operation'] }, // operation declarations, field specs, prepare, compile
  { folders: ['acl'] }, // the ACL toolkit; supplies its own document field codec to operation/
  { folders: ['client'] }, // the call pipeline
  { folders: ['iam', 'sts'] }, // operation declarations, registries, derived clients
  { folders: ['testing'], only: ['errors/types'] }, // jest matchers: the error types only
]

/**
 * Entry-point folders, one layer with lib/*.ts: the subpath exports bce-iam/fp-ts, bce-iam/effect,
 * bce-iam/otel and bce-iam/iac (optional peers, YAML). Each may import every folder of LAYERS and lib/*.ts; not
 * each other, nor the TOP_FOLDERS. lib/*.ts may not import them (the main entry must not load them).
 */
const ENTRY_FOLDERS = ['fp-ts', 'effect', 'iac', 'otel']

/**
 * On top of everything and unrestricted: the emulator and the CLI (keep what they share with the
 * SDK small and deliberate).
 */
const TOP_FOLDERS = ['emulator', 'cli']

/**
 * Known layer violations, allowed file by file until their fixes land. Do not add to this list:
 * fix the dependency instead. Empty it entry by entry as the fixes are merged.
 */
export const LAYER_EXCEPTIONS = []

/** Deepest folder nesting under lib/<folder>/ the rules are generated for. */
const MAX_DEPTH = 4

const LAYERED_FOLDERS = LAYERS.flatMap((layer) => layer.folders)
const ABOVE_LAYERS = [...ENTRY_FOLDERS, ...TOP_FOLDERS]

/** Index in LAYERS of a folder. */
const layerOf = (folder) => LAYERS.findIndex((layer) => layer.folders.includes(folder))

/** A regex alternative matching any of the names (escaped). */
const anyOf = (names) => names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')

/** The folder of an allowed entry (`errors` or `errors/types`). */
const folderOfEntry = (entry) => entry.split('/')[0]

/** The folders and `folder/file` entries a file in `folder` may import, besides its own folder. */
const allowedFor = (folder, extra) => {
  const layer = LAYERS[layerOf(folder)]
  const lower = LAYERS.slice(0, layerOf(folder)).flatMap((l) => l.folders)
  return [...(layer.only ?? lower), ...extra]
}

/** Why an import of `target` from `folder` is refused, in one sentence. */
const reasonFor = (folder, target) => {
  const [from, to] = [layerOf(folder), layerOf(target)]
  const allowed = allowedFor(folder, [])
  const may = allowed.length > 0 ? `only ${allowed.join(', ')} and itself` : 'nothing but itself'
  const why =
    from === to
      ? `siblings in layer ${from} may not import each other`
      : `lib/${folder} (layer ${from}) may import ${may}`
  return `Layer rule: lib/${folder} must not import lib/${target}: ${why}. Invert the dependency; the layers are LAYERS in eslint.config.mjs.`
}

/**
 * One no-restricted-imports rule for files `depth` folders below lib/ in `folder`: a pattern per
 * forbidden layered folder (a specific message), and one for anything else outside the folder
 * that is not an allowed folder (the entry points lib/*.ts, lib/emulator, folders missing from LAYERS).
 */
const layerRule = (folder, depth, extra) => {
  const allowed = allowedFor(folder, extra)
  const allowedFolders = allowed.map(folderOfEntry)
  const up = `^(?:\\.\\./){${depth}}`
  const forbidden = LAYERED_FOLDERS.filter((f) => f !== folder && !allowedFolders.includes(f))
  const known = [folder, ...allowedFolders, ...forbidden, ...ABOVE_LAYERS]
  // Folders allowed file by file (`errors/types`): any other file of theirs is refused.
  const partly = [...new Set(allowed.filter((entry) => entry.includes('/')).map(folderOfEntry))]
  return [
    'error',
    {
      patterns: [
        ...forbidden.map((target) => ({
          regex: `${up}(?:${target})(?:/|$)`,
          caseSensitive: true,
          message: reasonFor(folder, target),
        })),
        ...ABOVE_LAYERS.map((target) => ({
          regex: `${up}(?:${anyOf([target])})(?:/|$)`,
          caseSensitive: true,
          message: `Layer rule: lib/${folder} must not import lib/${target}, which is above every layer (ENTRY_FOLDERS and TOP_FOLDERS in eslint.config.mjs).`,
        })),
        ...partly.map((target) => {
          const files = allowed.filter((entry) => entry.startsWith(`${target}/`)).map((e) => e.slice(target.length + 1))
          return {
            regex: `${up}${target}(?:$|/(?!(?:${anyOf(files)})$))`,
            caseSensitive: true,
            message: `Layer rule: lib/${folder} may import only ${allowed.join(', ')} outside itself.`,
          }
        }),
        {
          regex: `^(?:\\.\\./){${depth - 1}}\\.\\.(?:$|/(?!(?:${anyOf([...new Set(known)])})(?:/|$)))`,
          caseSensitive: true,
          message: `Layer rule: lib/${folder} may import only ${allowed.length > 0 ? allowed.join(', ') : 'nothing'} outside itself, not the entry points lib/*.ts, the emulator or a folder missing from LAYERS in eslint.config.mjs.`,
        },
      ],
    },
  ]
}

/**
 * The rule for an entry-point folder: every layered folder and lib/*.ts are allowed; the other
 * entry-point folders and the top folders are not.
 */
const entryFolderRule = (folder, depth) => [
  'error',
  {
    patterns: ABOVE_LAYERS.filter((target) => target !== folder).map((target) => ({
      regex: `^(?:\\.\\./){${depth}}(?:${anyOf([target])})(?:/|$)`,
      caseSensitive: true,
      message: ENTRY_FOLDERS.includes(target)
        ? `Layer rule: lib/${folder} must not import lib/${target}: entry-point folders may not import each other.`
        : `Layer rule: lib/${folder} must not import lib/${target}, which is above the entry points.`,
    })),
  },
]

/** The files `depth` folders below lib/ in `folder` (depth 1: lib/<folder>/*.ts). */
const filesAt = (folder, depth) => [`lib/${folder}/${'*/'.repeat(depth - 1)}*.ts`]

const depths = Array.from({ length: MAX_DEPTH }, (_, i) => i + 1)

/**
 * The layer rules as flat-config blocks: one per folder and depth, then one per exception file.
 * scripts/lint-layer-snippets.mjs lints snippets with these blocks alone (no type information).
 */
export const layerConfigs = [
  ...LAYERED_FOLDERS.flatMap((folder) =>
    depths.map((depth) => ({
      name: `layers/${folder}/depth-${depth}`,
      files: filesAt(folder, depth),
      rules: { 'no-restricted-imports': layerRule(folder, depth, []) },
    })),
  ),
  ...ENTRY_FOLDERS.flatMap((folder) =>
    depths.map((depth) => ({
      name: `layers/${folder}/depth-${depth}`,
      files: filesAt(folder, depth),
      rules: { 'no-restricted-imports': entryFolderRule(folder, depth) },
    })),
  ),
  {
    name: 'layers/entry-points',
    files: ['lib/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ABOVE_LAYERS.map((target) => ({
            regex: `^\\./(?:${anyOf([target])})(?:/|$)`,
            caseSensitive: true,
            message: `Layer rule: the entry points lib/*.ts must not import lib/${target}: ${ENTRY_FOLDERS.includes(target) ? 'a subpath entry the main entry must not load' : 'it is above every layer'}.`,
          })),
        },
      ],
    },
  },
  ...LAYER_EXCEPTIONS.map(({ file, mayImport }) => {
    const folder = file.split('/')[1]
    const depth = file.split('/').length - 2
    return {
      name: `layers/exception/${file}`,
      files: [file],
      rules: { 'no-restricted-imports': layerRule(folder, depth, mayImport) },
    }
  }),
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // `ResultAsync<void, E>` is the neverthrow idiom for operations without a result.
      '@typescript-eslint/no-invalid-void-type': 'off',
    },
  },
  {
    files: ['spec/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // The three costliest type-aware rules (a quarter of ESLint's time, mostly in the tests), off
    // for tests and benchmarks only: they guard enum-typed and class-typed values against look-alike
    // objects (the tests build such fakes on purpose) and calls of deprecated APIs. The promise
    // rules (no-floating-promises with thenables, so every ResultAsync, no-misused-promises) stay on
    // everywhere; lib/ and examples/ keep all three.
    files: ['spec/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-deprecated': 'off',
    },
  },
  ...layerConfigs,
)
