import { parseCliArgs as parseCliArgsResult, USAGE } from '../../lib/emulator/cli-args'

/** {@link parseCliArgsResult} as one value (the arguments, or the message), for plain assertions. */
const parseCliArgs = (...args: Parameters<typeof parseCliArgsResult>) => {
  const parsed = parseCliArgsResult(...args)
  return parsed.isOk() ? parsed.value : parsed.error
}

describe('parseCliArgs', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseCliArgs(['--host', '0.0.0.0', '--port=8080', '--seed', '42', '--state', './s.json'])).toEqual({
      host: '0.0.0.0',
      port: 8080,
      seed: 42,
      stateFile: './s.json',
      help: false,
    })
    expect(parseCliArgs(['--state=/tmp/x.json'])).toEqual({ stateFile: '/tmp/x.json', help: false })
    expect(parseCliArgs([])).toEqual({ help: false })
    expect(parseCliArgs(['-h'])).toEqual({ help: true })
    expect(parseCliArgs(['--help', '--port', '1'])).toEqual({ help: true, port: 1 })
  })

  it.each([
    [['--port'], '--port needs a value'],
    [['--state'], '--state needs a value'],
    [['--state='], '--state needs a file name'],
    [['--port', 'x'], '--port must be a non-negative integer'],
    [['--port', '-1'], '--port must be a non-negative integer'],
    [['--port', '70000'], '--port must be at most 65535'],
    [['--seed', '1.5'], '--seed must be a non-negative integer'],
    [['--seed', ''], '--seed must be a non-negative integer'],
    [['--verbose'], 'unknown option --verbose'],
  ])('explains %j', (argv, message) => {
    expect(parseCliArgs(argv)).toBe(message)
  })

  it('documents every flag', () => {
    for (const flag of ['--host', '--port', '--seed', '--state', '--help']) expect(USAGE).toContain(flag)
  })
})
