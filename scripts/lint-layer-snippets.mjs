// Lints source snippets with the import rules of eslint.config.mjs alone (no type information, so
// it takes a second), for spec/architecture/layer-rules.test.ts: jest cannot import an ES module
// config in-process. Reads [{ filePath, code }] as JSON on stdin (filePath relative to the
// repository, e.g. lib/errors/x.ts); prints { exceptions, results } as JSON: the config's
// LAYER_EXCEPTIONS and, per snippet, { filePath, messages: [{ ruleId, message }] }.
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import config, { LAYER_EXCEPTIONS } from '../eslint.config.mjs'

const root = new URL('..', import.meta.url).pathname

/** The blocks of the real config that restrict imports: exactly what `npm run lint` enforces. */
const importRules = config.filter((block) => block.rules?.['no-restricted-imports'] !== undefined)

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...importRules],
})

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const snippets = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const results = []
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath })
  results.push({
    filePath,
    messages: (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message })),
  })
}
process.stdout.write(JSON.stringify({ exceptions: LAYER_EXCEPTIONS, results }))
