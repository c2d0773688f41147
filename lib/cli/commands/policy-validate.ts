import { parseAcl } from '../..'
import { readDesiredState } from '../../iac'
import type { CliCommand } from '../args'
import { errorText } from '../error-text'
import type { CliIo } from '../io'
import { formatOf, readText } from '../read-file'

type ValidateCommand = Extract<CliCommand, { command: 'policy-validate' }>

/** Whether the text is a single ACL document (a JSON object with `accessControlList`) rather than a desired state. */
function looksLikeAcl(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && 'accessControlList' in value
  } catch {
    return false
  }
}

function counts(state: Readonly<Record<string, unknown>>): string {
  return ['users', 'groups', 'policies', 'roles']
    .map((key) => {
      const entries = state[key]
      return `${typeof entries === 'object' && entries !== null ? Object.keys(entries).length : 0} ${key}`
    })
    .join(', ')
}

/**
 * `bce-iam policy validate FILE`: checks a desired-state document (JSON or YAML), or a single
 * ACL policy document (JSON with `accessControlList`), printing every problem with its path.
 * 0 when valid, 1 otherwise.
 */
export async function policyValidate(command: ValidateCommand, io: CliIo): Promise<number> {
  const text = await readText(command.file)
  if (text.isErr()) {
    io.err(errorText(text.error))
    return 1
  }
  const acl = looksLikeAcl(text.value)
  const checked = acl
    ? parseAcl(text.value).map(() => 'a valid ACL document')
    : readDesiredState(text.value, formatOf(command.file)).map(
        (state) => `a valid desired state (${counts(state as Readonly<Record<string, unknown>>)})`,
      )
  if (command.json) {
    io.out(
      `${JSON.stringify(checked.isOk() ? { valid: true, kind: acl ? 'acl' : 'state' } : { valid: false, kind: acl ? 'acl' : 'state', error: checked.error }, null, 2)}\n`,
    )
    return checked.isOk() ? 0 : 1
  }
  if (checked.isErr()) {
    io.err(`${command.file}: invalid\n${errorText(checked.error)}`)
    return 1
  }
  io.out(`${command.file}: ${checked.value}\n`)
  return 0
}
