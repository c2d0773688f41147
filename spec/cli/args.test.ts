import { ENV_IAM_ENDPOINT, parseArgs } from '../../lib/cli/args'
import { USAGE } from '../../lib/cli/usage'

const LOCAL = 'http://127.0.0.1:4000'

describe('bce-iam argument parsing', () => {
  it('reads every command with its flags, short and --flag=value forms', () => {
    expect(parseArgs(['export'])._unsafeUnwrap()).toEqual({
      command: 'export',
      format: 'yaml',
      connection: { allowInsecureHttp: false },
    })
    expect(parseArgs(['export', '--format=json', '--endpoint', 'https://iam.example'])._unsafeUnwrap()).toEqual({
      command: 'export',
      format: 'json',
      connection: { endpoint: 'https://iam.example', allowInsecureHttp: false },
    })
    expect(parseArgs(['export', '-o', 'live.yaml'])._unsafeUnwrap()).toEqual({
      command: 'export',
      format: 'yaml',
      output: 'live.yaml',
      connection: { allowInsecureHttp: false },
    })
    expect(parseArgs(['plan', '-f', 'a.yaml', '--prune', '--detailed-exitcode', '--json'])._unsafeUnwrap()).toEqual({
      command: 'plan',
      file: 'a.yaml',
      prune: true,
      detailedExitcode: true,
      json: true,
      connection: { allowInsecureHttp: false },
    })
    expect(parseArgs(['apply', '--file=a.json', '-y'])._unsafeUnwrap()).toEqual({
      command: 'apply',
      file: 'a.json',
      prune: false,
      yes: true,
      json: false,
      connection: { allowInsecureHttp: false },
    })
    expect(parseArgs(['policy', 'validate', 'p.json'])._unsafeUnwrap()).toEqual({
      command: 'policy-validate',
      file: 'p.json',
      json: false,
    })
    expect(
      parseArgs([
        'policy',
        'simulate',
        '-f',
        's.yaml',
        '--role',
        'ops',
        '--permission',
        'READ',
        '--resource',
        'b/x',
        '--service=bce:bos',
      ])._unsafeUnwrap(),
    ).toEqual({
      command: 'policy-simulate',
      source: { file: 's.yaml' },
      principal: { role: 'ops' },
      permission: 'READ',
      resource: 'b/x',
      service: 'bce:bos',
      json: false,
    })
  })

  it('simulates against the live account with --live, with the connection flags', () => {
    expect(
      parseArgs(
        [
          'policy',
          'simulate',
          '--live',
          '--allow-insecure-http',
          '--group',
          'g',
          '--permission',
          'R',
          '--resource',
          'x',
        ],
        { [ENV_IAM_ENDPOINT]: LOCAL },
      )._unsafeUnwrap(),
    ).toEqual({
      command: 'policy-simulate',
      source: { live: { endpoint: LOCAL, allowInsecureHttp: true } },
      principal: { group: 'g' },
      permission: 'R',
      resource: 'x',
      json: false,
    })
  })

  it('passes everything after "emulator" through untouched', () => {
    expect(parseArgs(['emulator', '--port', '0', '--weird'])._unsafeUnwrap()).toEqual({
      command: 'emulator',
      argv: ['--port', '0', '--weird'],
    })
  })

  it('answers help for no arguments, help, --help, and --help after a command', () => {
    expect(parseArgs([])._unsafeUnwrap()).toEqual({ command: 'help' })
    expect(parseArgs(['--help'])._unsafeUnwrap()).toEqual({ command: 'help' })
    expect(parseArgs(['plan', '--help'])._unsafeUnwrap()).toEqual({ command: 'help', topic: 'plan' })
  })

  it('takes the endpoint from the environment; --endpoint wins', () => {
    const env = { [ENV_IAM_ENDPOINT]: 'https://from-env.example' }
    expect(parseArgs(['export'], env)._unsafeUnwrap()).toMatchObject({
      connection: { endpoint: 'https://from-env.example' },
    })
    expect(parseArgs(['export', '--endpoint', 'https://flag.example'], env)._unsafeUnwrap()).toMatchObject({
      connection: { endpoint: 'https://flag.example' },
    })
  })

  it('accepts http:// only with --allow-insecure-http, from the flag or the environment', () => {
    expect(parseArgs(['export', '--endpoint', LOCAL])._unsafeUnwrapErr()).toContain('--allow-insecure-http')
    expect(parseArgs(['plan', '-f', 'x'], { [ENV_IAM_ENDPOINT]: LOCAL })._unsafeUnwrapErr()).toContain(
      '--allow-insecure-http',
    )
    expect(
      parseArgs(['plan', '-f', 'x', '--allow-insecure-http'], { [ENV_IAM_ENDPOINT]: LOCAL })._unsafeUnwrap(),
    ).toMatchObject({ connection: { endpoint: LOCAL, allowInsecureHttp: true } })
  })

  it('never echoes the endpoint (it could carry user info)', () => {
    const problem = parseArgs(['export', '--endpoint', 'http://user:s3cret@127.0.0.1:1'])._unsafeUnwrapErr()
    expect(problem).not.toContain('s3cret')
  })

  it.each([
    [['frobnicate'], 'unknown command frobnicate'],
    [['policy'], 'policy needs validate or simulate'],
    [['policy', 'delete'], 'unknown policy command delete'],
    [['plan'], 'plan needs -f FILE'],
    [['apply', '--prune'], 'apply needs -f FILE'],
    [['plan', '-f'], '-f needs a value'],
    [['plan', '-f', 'a', '-f', 'b'], '-f given twice'],
    [['plan', '-f', 'a', '--yes'], 'unknown option --yes for plan'],
    [['plan', '-f', 'a', '--prune=1'], '--prune takes no value'],
    [['plan', '-f', 'a', 'extra'], 'unexpected argument "extra" for plan'],
    [['export', '--format', 'xml'], '--format must be yaml or json'],
    [['export', '-o'], '-o needs a value'],
    [['plan', '-f', 'a', '-o', 'b'], 'unknown option -o for plan'],
    [['policy', 'validate'], 'policy validate needs a FILE'],
    [['policy', 'validate', 'a', 'b'], 'unexpected argument "b" for policy validate'],
    [['policy', 'simulate', '-f', 's', '--permission', 'R', '--resource', 'x'], 'exactly one of --user'],
    [
      ['policy', 'simulate', '-f', 's', '--user', 'a', '--role', 'b', '--permission', 'R', '--resource', 'x'],
      'exactly one of',
    ],
    [['policy', 'simulate', '-f', 's', '--user', 'a', '--resource', 'x'], 'needs --permission'],
    [['policy', 'simulate', '-f', 's', '--user', 'a', '--permission', 'R'], 'needs --resource'],
    [
      ['policy', 'simulate', '--user', 'a', '--permission', 'R', '--resource', 'x'],
      'exactly one of -f FILE and --live',
    ],
    [['policy', 'simulate', '--live', '-f', 's', '--user', 'a'], 'exactly one of -f FILE and --live'],
    [['policy', 'simulate', '-f', 's', '--allow-insecure-http', '--user', 'a'], 'go with --live'],
  ])('rejects %j', (argv, message) => {
    expect(parseArgs(argv)._unsafeUnwrapErr()).toContain(message)
  })

  it('documents every command and the endpoint variable', () => {
    for (const text of [
      'export',
      'plan',
      'apply',
      'policy validate',
      'policy simulate',
      'emulator',
      ENV_IAM_ENDPOINT,
      '--detailed-exitcode',
      '--output',
      '--yes',
    ])
      expect(USAGE).toContain(text)
  })
})
