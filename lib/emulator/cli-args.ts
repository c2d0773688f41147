import { err, ok, type Result } from 'neverthrow'
/** Parsed command line of `bce-iam-emulator`. */
export interface CliArgs {
  readonly host?: string | undefined
  readonly port?: number | undefined
  readonly seed?: number | undefined
  readonly stateFile?: string | undefined
  /** The root key pair, from the flags or the environment (both parts or neither). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined
  readonly help: boolean
}

/** Environment variable holding the root access key id (a `--access-key-id` flag wins). */
export const ENV_EMULATOR_ACCESS_KEY_ID = 'BCE_IAM_EMULATOR_ACCESS_KEY_ID'
/** Environment variable holding the root secret access key (a `--secret-access-key` flag wins). */
export const ENV_EMULATOR_SECRET_ACCESS_KEY = 'BCE_IAM_EMULATOR_SECRET_ACCESS_KEY'

const VALUE_FLAGS: readonly string[] = [
  '--host',
  '--port',
  '--seed',
  '--state',
  '--access-key-id',
  '--secret-access-key',
]

/** Visible ASCII only: both parts travel in (or sign) the Authorization header. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/

/**
 * Merges the root key pair from flags and environment and checks it; the message names the
 * option, never its value.
 */
function rootCredentials(
  accessKeyId: string | undefined,
  secretAccessKey: string | undefined,
): Result<CliArgs['credentials'], string> {
  if (accessKeyId === undefined && secretAccessKey === undefined) return ok(undefined)
  if (accessKeyId === undefined)
    return err(
      `--secret-access-key (or ${ENV_EMULATOR_SECRET_ACCESS_KEY}) needs --access-key-id (or ${ENV_EMULATOR_ACCESS_KEY_ID})`,
    )
  if (secretAccessKey === undefined)
    return err(
      `--access-key-id (or ${ENV_EMULATOR_ACCESS_KEY_ID}) needs --secret-access-key (or ${ENV_EMULATOR_SECRET_ACCESS_KEY})`,
    )
  if (!VISIBLE_ASCII.test(accessKeyId) || accessKeyId.includes('/'))
    return err('the access key id must be visible ASCII characters without "/"')
  if (!VISIBLE_ASCII.test(secretAccessKey)) return err('the secret access key must be visible ASCII characters')
  return ok({ accessKeyId, secretAccessKey })
}

/**
 * Parses `--host H --port N --seed N --state FILE --access-key-id AK --secret-access-key SK`
 * (also `--flag=value`), taking the root key pair from `env` ({@link ENV_EMULATOR_ACCESS_KEY_ID},
 * {@link ENV_EMULATOR_SECRET_ACCESS_KEY}) where no flag gives it; an error message for bad
 * input (never echoing a key).
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Result<CliArgs, string> {
  const args: {
    host?: string | undefined
    port?: number | undefined
    seed?: number | undefined
    stateFile?: string | undefined
    help: boolean
  } = { help: false }
  let accessKeyId = env[ENV_EMULATOR_ACCESS_KEY_ID]
  let secretAccessKey = env[ENV_EMULATOR_SECRET_ACCESS_KEY]
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') {
      args.help = true
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    if (!VALUE_FLAGS.includes(flag)) return err(`unknown option ${flag}`)
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) return err(`${flag} needs a value`)
    switch (flag) {
      case '--host':
        if (value === '') return err('--host needs a value')
        args.host = value
        break
      case '--state':
        if (value === '') return err('--state needs a file name')
        args.stateFile = value
        break
      case '--access-key-id':
        accessKeyId = value
        break
      case '--secret-access-key':
        secretAccessKey = value
        break
      case '--port':
      case '--seed': {
        const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
        if (!Number.isSafeInteger(number)) return err(`${flag} must be a non-negative integer`)
        if (flag === '--port') {
          if (number > 65535) return err('--port must be at most 65535')
          args.port = number
        } else {
          args.seed = number
        }
        break
      }
    }
  }
  return rootCredentials(accessKeyId, secretAccessKey).map((credentials) =>
    credentials === undefined ? args : { ...args, credentials },
  )
}

/** Usage text. */
export const USAGE = `Usage: bce-iam-emulator [--host 127.0.0.1] [--port 0] [--seed N] [--state FILE]
                        [--access-key-id AK --secret-access-key SK]

Starts a local BCE IAM/STS emulator and prints its endpoints, account id and root credentials.

  --host H        interface to listen on (default 127.0.0.1)
  --port N        port (default 0: any free port)
  --seed N        deterministic ids and account id
  --state FILE    load state from FILE (missing: start empty) and save every change to it
  --access-key-id AK, --secret-access-key SK
                  fix the root key pair (default: random); or set
                  ${ENV_EMULATOR_ACCESS_KEY_ID} and ${ENV_EMULATOR_SECRET_ACCESS_KEY}
                  (prefer the environment for the secret: a flag shows in ps)
  --help          this text`
