import { err, ok, type Result } from 'neverthrow'

/** Environment variable naming the IAM endpoint (the emulator prints it); `--endpoint` wins. */
export const ENV_IAM_ENDPOINT = 'BCE_IAM_ENDPOINT'

/** Where and how to reach IAM. */
export interface Connection {
  /** From `--endpoint`, else {@link ENV_IAM_ENDPOINT}; absent means the SDK's default endpoint. */
  readonly endpoint?: string | undefined
  /** `--allow-insecure-http`: a plain `http://` endpoint is accepted (the local emulator). */
  readonly allowInsecureHttp: boolean
}

/** The principal a simulation asks about. */
export type PrincipalArg = { readonly user: string } | { readonly group: string } | { readonly role: string }

/** A parsed `bce-iam` command line. */
export type CliCommand =
  | { readonly command: 'help'; readonly topic?: string | undefined }
  | {
      readonly command: 'export'
      readonly format: 'yaml' | 'json'
      /** `-o FILE`: write the document there instead of standard output. */
      readonly output?: string | undefined
      readonly connection: Connection
    }
  | {
      readonly command: 'plan'
      readonly file: string
      readonly prune: boolean
      readonly detailedExitcode: boolean
      readonly json: boolean
      readonly connection: Connection
    }
  | {
      readonly command: 'apply'
      readonly file: string
      readonly prune: boolean
      readonly yes: boolean
      readonly json: boolean
      readonly connection: Connection
    }
  | { readonly command: 'policy-validate'; readonly file: string; readonly json: boolean }
  | {
      readonly command: 'policy-simulate'
      /** A document (`-f FILE`), or the live account (`--live`, with its System policies). */
      readonly source: { readonly file: string } | { readonly live: Connection }
      readonly principal: PrincipalArg
      readonly permission: string
      readonly resource: string
      readonly service?: string | undefined
      readonly region?: string | undefined
      readonly json: boolean
    }
  | { readonly command: 'emulator'; readonly argv: readonly string[] }

/** What a command accepts: flags without a value, and flags taking one (short aliases mapped). */
interface FlagTable {
  readonly booleans: readonly string[]
  readonly values: readonly string[]
  readonly positional: number
}

const CONNECTION_VALUES = ['--endpoint']
const CONNECTION_BOOLEANS = ['--allow-insecure-http']

const TABLES: Readonly<Record<string, FlagTable>> = {
  export: { booleans: CONNECTION_BOOLEANS, values: ['--format', '--output', ...CONNECTION_VALUES], positional: 0 },
  plan: {
    booleans: ['--prune', '--detailed-exitcode', '--json', ...CONNECTION_BOOLEANS],
    values: ['--file', ...CONNECTION_VALUES],
    positional: 0,
  },
  apply: {
    booleans: ['--prune', '--yes', '--json', ...CONNECTION_BOOLEANS],
    values: ['--file', ...CONNECTION_VALUES],
    positional: 0,
  },
  'policy-validate': { booleans: ['--json'], values: [], positional: 1 },
  'policy-simulate': {
    booleans: ['--json', '--live', ...CONNECTION_BOOLEANS],
    values: [
      ...CONNECTION_VALUES,
      '--file',
      '--user',
      '--group',
      '--role',
      '--permission',
      '--resource',
      '--service',
      '--region',
    ],
    positional: 0,
  },
}

const ALIASES: Readonly<Record<string, string>> = { '-f': '--file', '-o': '--output', '-y': '--yes' }

/** Flags and positional arguments of one command, as read from the command line. */
interface Scanned {
  readonly flags: ReadonlySet<string>
  readonly values: ReadonlyMap<string, string>
  readonly positional: readonly string[]
}

/** Reads `--flag`, `--flag value`, `--flag=value` and positionals against a command's table. */
function scan(name: string, argv: readonly string[], table: FlagTable): Result<Scanned, string> {
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const raw = eq === -1 ? arg : arg.slice(0, eq)
    const flag = ALIASES[raw] ?? raw
    if (table.booleans.includes(flag)) {
      if (eq !== -1) return err(`${raw} takes no value`)
      flags.add(flag)
      continue
    }
    if (!table.values.includes(flag)) return err(`unknown option ${raw} for ${name}`)
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || value === '') return err(`${raw} needs a value`)
    if (values.has(flag)) return err(`${raw} given twice`)
    values.set(flag, value)
  }
  if (positional.length > table.positional)
    return err(`unexpected argument ${JSON.stringify(positional[table.positional])} for ${name}`)
  return ok({ flags, values, positional })
}

/** The endpoint from the flag or the environment; `http://` only with `--allow-insecure-http`. */
function connectionOf(scanned: Scanned, env: Readonly<Record<string, string | undefined>>): Result<Connection, string> {
  const allowInsecureHttp = scanned.flags.has('--allow-insecure-http')
  const fromEnv = env[ENV_IAM_ENDPOINT]
  const endpoint = scanned.values.get('--endpoint') ?? (fromEnv === '' ? undefined : fromEnv)
  if (endpoint === undefined) return ok({ allowInsecureHttp })
  if (/^http:\/\//i.test(endpoint) && !allowInsecureHttp)
    return err(
      `the endpoint is plain http:// (signed requests travel in clear); use https://, or pass --allow-insecure-http (e.g. for the local emulator)`,
    )
  return ok({ endpoint, allowInsecureHttp })
}

function requiredFile(name: string, scanned: Scanned): Result<string, string> {
  const file = scanned.values.get('--file')
  return file === undefined ? err(`${name} needs -f FILE`) : ok(file)
}

/** `-f FILE` or `--live` (exactly one); the connection flags only go with `--live`. */
function simulationSource(
  scanned: Scanned,
  env: Readonly<Record<string, string | undefined>>,
): Result<{ readonly file: string } | { readonly live: Connection }, string> {
  const file = scanned.values.get('--file')
  const live = scanned.flags.has('--live')
  if (live === (file !== undefined)) return err('policy simulate needs exactly one of -f FILE and --live')
  if (file !== undefined) {
    if (scanned.values.has('--endpoint') || scanned.flags.has('--allow-insecure-http'))
      return err('--endpoint and --allow-insecure-http go with --live, not with -f FILE')
    return ok({ file })
  }
  return connectionOf(scanned, env).map((connection) => ({ live: connection }))
}

function principalOf(scanned: Scanned): Result<PrincipalArg, string> {
  const given = (['--user', '--group', '--role'] as const).filter((flag) => scanned.values.has(flag))
  if (given.length !== 1) return err('policy simulate needs exactly one of --user NAME, --group NAME, --role NAME')
  const flag = given[0] as '--user' | '--group' | '--role'
  const name = scanned.values.get(flag) as string
  return ok(flag === '--user' ? { user: name } : flag === '--group' ? { group: name } : { role: name })
}

function build(
  name: string,
  scanned: Scanned,
  env: Readonly<Record<string, string | undefined>>,
): Result<CliCommand, string> {
  const json = scanned.flags.has('--json')
  const prune = scanned.flags.has('--prune')
  switch (name) {
    case 'export': {
      const format = scanned.values.get('--format') ?? 'yaml'
      if (format !== 'yaml' && format !== 'json') return err('--format must be yaml or json')
      const output = scanned.values.get('--output')
      return connectionOf(scanned, env).map(
        (connection) =>
          ({ command: 'export', format, ...(output === undefined ? {} : { output }), connection }) as const,
      )
    }
    case 'plan':
      return requiredFile(name, scanned).andThen((file) =>
        connectionOf(scanned, env).map(
          (connection) =>
            ({
              command: 'plan',
              file,
              prune,
              detailedExitcode: scanned.flags.has('--detailed-exitcode'),
              json,
              connection,
            }) as const,
        ),
      )
    case 'apply':
      return requiredFile(name, scanned).andThen((file) =>
        connectionOf(scanned, env).map(
          (connection) =>
            ({ command: 'apply', file, prune, yes: scanned.flags.has('--yes'), json, connection }) as const,
        ),
      )
    case 'policy-validate': {
      const file = scanned.positional[0]
      return file === undefined ? err('policy validate needs a FILE') : ok({ command: 'policy-validate', file, json })
    }
    default:
      return simulationSource(scanned, env).andThen((source) =>
        principalOf(scanned).andThen((principal) => {
          const permission = scanned.values.get('--permission')
          const resource = scanned.values.get('--resource')
          if (permission === undefined) return err('policy simulate needs --permission P')
          if (resource === undefined) return err('policy simulate needs --resource R')
          const service = scanned.values.get('--service')
          const region = scanned.values.get('--region')
          return ok({
            command: 'policy-simulate',
            source,
            principal,
            permission,
            resource,
            ...(service === undefined ? {} : { service }),
            ...(region === undefined ? {} : { region }),
            json,
          } as const)
        }),
      )
  }
}

/**
 * Parses a `bce-iam` command line (without the node and script arguments), reading the endpoint
 * from `env` ({@link ENV_IAM_ENDPOINT}) where `--endpoint` does not give it. Pure: an error is a
 * one-line message for the user (it never echoes a credential: none is read here).
 */
export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Result<CliCommand, string> {
  const [first, ...rest] = argv
  if (first === undefined || first === 'help' || first === '--help' || first === '-h')
    return ok(rest[0] === undefined ? { command: 'help' } : { command: 'help', topic: rest[0] })
  if (first === 'emulator') return ok({ command: 'emulator', argv: rest })
  let name = first
  let args = rest
  if (first === 'policy') {
    const sub = rest[0]
    if (sub !== 'validate' && sub !== 'simulate')
      return err(sub === undefined ? 'policy needs validate or simulate' : `unknown policy command ${sub}`)
    name = `policy-${sub}`
    args = rest.slice(1)
  }
  if (args.includes('--help') || args.includes('-h')) return ok({ command: 'help', topic: first })
  const table = TABLES[name]
  if (table === undefined) return err(`unknown command ${first}`)
  return scan(name.replace('-', ' '), args, table).andThen((scanned) => build(name, scanned, env))
}
