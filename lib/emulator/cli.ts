#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli-args'
import { startEmulator } from './start'

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2), process.env)
  if (parsed.isErr()) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`)
    return 2
  }
  const args = parsed.value
  if (args.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const started = await startEmulator({
    ...(args.host === undefined ? {} : { host: args.host }),
    ...(args.port === undefined ? {} : { port: args.port }),
    ...(args.seed === undefined ? {} : { seed: args.seed }),
    ...(args.stateFile === undefined ? {} : { stateFile: args.stateFile }),
    ...(args.credentials === undefined ? {} : { credentials: args.credentials }),
  })
  if (started.isErr()) {
    process.stderr.write(`${started.error.message}\n`)
    return 1
  }
  const emulator = started.value
  process.stdout.write(
    [
      `bce-iam emulator listening on ${emulator.endpoint}`,
      `BCE_IAM_ENDPOINT=${emulator.endpoint}`,
      `BCE_STS_ENDPOINT=${emulator.stsEndpoint}`,
      `BCE_ACCOUNT_ID=${emulator.accountId}`,
      `BCE_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`,
      `BCE_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`,
      ...(args.stateFile === undefined ? [] : [`state file: ${args.stateFile}`]),
      '',
    ].join('\n'),
  )
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return -1
}

void main().then((code) => {
  if (code >= 0) process.exitCode = code
})
