/** Parsed command line of `bce-iam-emulator`. */
export interface CliArgs {
  readonly host?: string
  readonly port?: number
  readonly seed?: number
  readonly help: boolean
}

/** Parses `--host H --port N --seed N` (also `--flag=value`); returns a message for bad input. */
export function parseCliArgs(argv: readonly string[]): CliArgs | string {
  const args: { host?: string; port?: number; seed?: number; help: boolean } = { help: false }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') {
      args.help = true
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) return `${flag} needs a value`
    switch (flag) {
      case '--host':
        args.host = value
        break
      case '--port':
      case '--seed': {
        const number = Number(value)
        if (!Number.isInteger(number) || number < 0) return `${flag} must be a non-negative integer`
        if (flag === '--port') args.port = number
        else args.seed = number
        break
      }
      default:
        return `unknown option ${flag}`
    }
  }
  return args
}

/** Usage text. */
export const USAGE = `Usage: bce-iam-emulator [--host 127.0.0.1] [--port 0] [--seed N]

Starts a local BCE IAM/STS emulator and prints its endpoint and root credentials.`
