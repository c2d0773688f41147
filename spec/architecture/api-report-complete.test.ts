import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The committed API reports (etc/*.api.md, API Extractor) show a complete public surface: every
 * type a signature names is exported (or imported from another entry point by package name), and
 * every exported declaration and member carries TSDoc. api-extractor.json makes both errors, so
 * `npm run api:check` fails first; this test keeps a report committed from an unchecked run (or a
 * relaxed config) from passing unnoticed.
 */
const root = path.resolve(__dirname, '../..')
const etc = path.join(root, 'etc')
const reports = readdirSync(etc).filter((file) => file.endsWith('.api.md'))

/** Lines of `text` containing `needle`, with their line numbers. */
function linesWith(text: string, needle: string): string[] {
  return text.split('\n').flatMap((line, index) => (line.includes(needle) ? [`${index + 1}: ${line.trim()}`] : []))
}

describe('the API reports', () => {
  it('cover every entry point', () => {
    expect(reports.length).toBeGreaterThanOrEqual(7)
  })

  it.each(reports)('%s has no forgotten export and no undocumented declaration', (file) => {
    const text = readFileSync(path.join(etc, file), 'utf8')
    expect(linesWith(text, 'ae-forgotten-export')).toEqual([])
    expect(linesWith(text, '(undocumented)')).toEqual([])
  })

  it('are checked by API Extractor with both messages as errors', () => {
    const config = readFileSync(path.join(root, 'api-extractor.json'), 'utf8')
    expect(config).toMatch(/"ae-forgotten-export":\s*\{\s*"logLevel":\s*"error"/)
    expect(config).toMatch(/"ae-undocumented":\s*\{\s*"logLevel":\s*"error"/)
  })
})
