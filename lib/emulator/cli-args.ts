/** Parsed command line of `bce-iam-emulator`. */
export interface CliArgs {
  readonly host?: string
  readonly port?: number
  readonly seed?: number
  readonly stateFile?: string
  readonly help: boolean
}

const VALUE_FLAGS: readonly string[] = ['--host', '--port', '--seed', '--state']

/** Parses `--host H --port N --seed N --state FILE` (also `--flag=value`); returns a message for bad input. */
export function parseCliArgs(argv: readonly string[]): CliArgs | string {
  const args: { host?: string; port?: number; seed?: number; stateFile?: string; help: boolean } = { help: false }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') {
      args.help = true
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    if (!VALUE_FLAGS.includes(flag)) return `unknown option ${flag}`
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) return `${flag} needs a value`
    switch (flag) {
      case '--host':
        if (value === '') return '--host needs a value'
        args.host = value
        break
      case '--state':
        if (value === '') return '--state needs a file name'
        args.stateFile = value
        break
      case '--port':
      case '--seed': {
        const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
        if (!Number.isSafeInteger(number)) return `${flag} must be a non-negative integer`
        if (flag === '--port') {
          if (number > 65535) return '--port must be at most 65535'
          args.port = number
        } else {
          args.seed = number
        }
        break
      }
    }
  }
  return args
}

/** Usage text. */
export const USAGE = `Usage: bce-iam-emulator [--host 127.0.0.1] [--port 0] [--seed N] [--state FILE]

Starts a local BCE IAM/STS emulator and prints its endpoints, account id and root credentials.

  --host H        interface to listen on (default 127.0.0.1)
  --port N        port (default 0: any free port)
  --seed N        deterministic ids and account id
  --state FILE    load state from FILE (missing: start empty) and save every change to it
  --help          this text`
