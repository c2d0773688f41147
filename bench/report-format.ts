/** Table rendering (console text and Markdown) and number formats of the benchmark report. */

export interface Table {
  readonly headers: string[]
  readonly rows: string[][]
  readonly align?: Array<'l' | 'r'>
}

export function formatText(table: Table): string {
  const widths = table.headers.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)))
  const cell = (text: string, i: number): string =>
    (table.align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l'
      ? text.padEnd(widths[i] as number)
      : text.padStart(widths[i] as number)
  const line = (cells: string[]): string => cells.map(cell).join('  ')
  return [line(table.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n')
}

export function formatMarkdown(table: Table): string {
  const sep = table.headers.map((_, i) => ((table.align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? '---' : '---:'))
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(table.headers), line(sep), ...table.rows.map(line)].join('\n')
}

export const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a')
export const fix = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a')
export const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a')
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`
export const pct = (n: number): string =>
  Number.isFinite(n) ? `${n < -0.5 ? '−' : ''}${Math.abs(n).toFixed(0)}%` : 'n/a'
/** A signed µs difference, e.g. `+3.2`. */
export const delta = (n: number): string =>
  Number.isFinite(n) ? `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}` : 'n/a'
export const minMax = (values: readonly number[]): string =>
  values.length === 0 ? 'n/a' : `${int(Math.min(...values))}–${int(Math.max(...values))}`
