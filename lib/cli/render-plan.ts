/** The fields every plan step has (the rest depends on the step: names, documents, …). */
interface StepLike {
  readonly action: string
  readonly target: string
}

const ADDING = new Set(['create', 'add', 'attach'])
const REMOVING = new Set(['delete', 'remove', 'detach'])

/** `+` for what appears, `-` for what goes, `~` for what changes in place. */
export function stepSymbol(action: string): '+' | '-' | '~' {
  return ADDING.has(action) ? '+' : REMOVING.has(action) ? '-' : '~'
}

const COLOURS: Readonly<Record<'+' | '-' | '~', string>> = { '+': '\u001b[32m', '-': '\u001b[31m', '~': '\u001b[33m' }
const RESET = '\u001b[0m'

/** A short rendering of a field value: strings as they are, policy references by name, else JSON. */
function show(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string')
    return 'type' in value && value.type === 'System' ? `${value.name} (System)` : value.name
  return JSON.stringify(value)
}

/** Field names shown first, in this order, when a step has them. */
const LEADING = ['name', 'user', 'group', 'role', 'policy']

/**
 * One line of the human plan: symbol, action and target, then the step's identifying fields
 * (`+ create user alice`, `- detach attachment policy=readers group=devs`). Documents and other
 * structured values are summarised, never dumped.
 */
export function describeStep(step: StepLike): string {
  const record = step as unknown as Readonly<Record<string, unknown>>
  if (step.target === 'attachment' && typeof record.principal === 'string' && typeof record.policy === 'string') {
    const type = record.policyType === 'System' ? ' (System)' : ''
    const direction = step.action === 'detach' ? 'from' : 'to'
    return `${stepSymbol(step.action)} ${step.action} policy ${record.policy}${type} ${direction} ${record.principal} ${show(record.name)}`
  }
  const fields = Object.entries(step as unknown as Record<string, unknown>).filter(
    ([key, value]) => key !== 'action' && key !== 'target' && value !== undefined,
  )
  fields.sort(([a], [b]) => {
    const [ia, ib] = [LEADING.indexOf(a), LEADING.indexOf(b)]
    return (ia === -1 ? LEADING.length : ia) - (ib === -1 ? LEADING.length : ib)
  })
  const parts = fields.map(([key, value]) => {
    if (key === 'name') return show(value)
    if (typeof value === 'object' && value !== null && !('name' in value)) return `${key}=…`
    return `${key}=${show(value)}`
  })
  return [stepSymbol(step.action), step.action, step.target, ...parts].join(' ')
}

/** The human plan: one line per step, coloured by symbol when `colour`, and a count line. */
export function renderPlan(changes: readonly StepLike[], colour: boolean): string {
  if (changes.length === 0) return 'No changes: the account matches the document.\n'
  const lines = changes.map((step) => {
    const line = describeStep(step)
    return colour ? `${COLOURS[stepSymbol(step.action)]}${line}${RESET}` : line
  })
  const count = (symbol: string): number => changes.filter((step) => stepSymbol(step.action) === symbol).length
  lines.push('', `Plan: ${count('+')} to add, ${count('~')} to change, ${count('-')} to remove.`)
  return `${lines.join('\n')}\n`
}
