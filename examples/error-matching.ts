import { match, P } from 'ts-pattern'
import { IamClient, isServiceError, type BceError, type IamError, type ServiceErrorKind } from 'bce-iam'
import type { ExampleContext } from './context'

/** What an application might do about each kind of failure, written as an exhaustive switch. */
export function adviceFor(error: BceError): string {
  switch (error._tag) {
    case 'BceServiceError':
      return adviceForKind(error.kind)
    case 'BceClientError':
      switch (error.reason) {
        case 'InvalidInput':
          return `fix the input (${error.issues?.map((i) => `${i.path}: ${i.expected}`).join('; ') ?? error.message})`
        case 'InvalidConfig':
          return 'fix the client configuration'
        case 'Credentials':
          return 'provide credentials'
        case 'Network':
        case 'Timeout':
          return error.outcomeUnknown === true ? 'check whether the change was applied before retrying' : 'retry later'
        case 'Aborted':
          return 'the caller gave up'
        case 'Decode':
          return 'report it: the service answered something unreadable'
        case 'Internal':
          return 'report it: a defect in bce-iam'
        default:
          return unreachable(error.reason)
      }
    default:
      return unreachable(error)
  }
}

function adviceForKind(kind: ServiceErrorKind): string {
  switch (kind) {
    case 'NotFound':
      return 'create it first'
    case 'AlreadyExists':
      return 'use the existing one'
    case 'Conflict':
      return 'remove what still refers to it'
    case 'LimitExceeded':
      return 'delete something or ask for a higher quota'
    case 'AccessDenied':
      return 'grant the caller a policy'
    case 'AuthFailure':
      return 'check the key pair and the clock'
    case 'InvalidRequest':
      return 'fix the request'
    case 'Throttled':
    case 'ServerError':
      return 'retry later'
    case 'Unknown':
      return 'log it and investigate'
    default:
      return unreachable(kind)
  }
}

/** The compile-time exhaustiveness check: adding a kind or reason breaks the build here. */
function unreachable(value: never): never {
  throw new Error(`unhandled case ${String(value)}`)
}

/**
 * One operation's errors: `getUser` can fail with `NotFound` (its declared kind) or a common kind,
 * never `AlreadyExists`, so this switch is exhaustive without it. A kind the operation does not
 * declare would arrive as `Unknown`.
 */
export function getUserAdvice(error: IamError<'getUser'>): string {
  if (!isServiceError(error)) return `client problem: ${error.reason}`
  switch (error.kind) {
    case 'NotFound':
      return 'create it first'
    case 'AccessDenied':
    case 'AuthFailure':
    case 'InvalidRequest':
    case 'Throttled':
    case 'ServerError':
    case 'Unknown':
      return adviceForKind(error.kind)
    default:
      return unreachable(error)
  }
}

/** The same decision with ts-pattern (a devDependency here; bring your own in an application). */
export function adviceWithTsPattern(error: BceError): string {
  return match(error)
    .with({ _tag: 'BceServiceError', kind: 'NotFound' }, () => 'create it first')
    .with({ _tag: 'BceServiceError', kind: 'AlreadyExists' }, () => 'use the existing one')
    .with({ _tag: 'BceServiceError', kind: P.union('Throttled', 'ServerError') }, () => 'retry later')
    .with({ _tag: 'BceServiceError' }, (e) => `service said ${e.code}`)
    .with({ _tag: 'BceClientError', reason: 'InvalidInput' }, (e) => `fix the input (${e.issues?.[0]?.path ?? '?'})`)
    .with(
      { _tag: 'BceClientError', outcomeUnknown: true },
      () => 'check whether the change was applied before retrying',
    )
    .with({ _tag: 'BceClientError' }, (e) => `client problem: ${e.reason}`)
    .exhaustive()
}

/** Provokes five different failures and prints what an application would do about each. */
export async function errorMatching({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const iam = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const insecure = new IamClient({ endpoint, credentials })
  await iam.createUser({ name: 'carol' })
  const cases = [
    ['getUser ghost', await iam.getUser({ userName: 'ghost' }), 'create it first'],
    ['createUser carol again', await iam.createUser({ name: 'carol' }), 'use the existing one'],
    ['getUser "../admin"', await iam.getUser({ userName: '../admin' }), 'fix the input (input.userName'],
    ['plain http without opting in', await insecure.listUsers(), 'fix the client configuration'],
    [
      'deleteUser with an aborted signal',
      await iam.deleteUser({ userName: 'carol' }, { signal: AbortSignal.abort() }),
      'the caller gave up',
    ],
  ] as const
  let good = true
  for (const [label, result, expected] of cases) {
    if (result.isOk()) {
      log(`✗ ${label} unexpectedly succeeded`)
      good = false
      continue
    }
    const advice = adviceFor(result.error)
    const viaPattern = adviceWithTsPattern(result.error)
    const matches = advice.startsWith(expected)
    good &&= matches
    log(
      `${matches ? '✓' : '✗'} ${label} → ${String(result.error)}\n    switch: ${advice}\n    ts-pattern: ${viaPattern}`,
    )
  }
  const ghost = await iam.getUser({ userName: 'ghost' })
  const perOperation = ghost.isErr() ? getUserAdvice(ghost.error) : 'no error'
  good &&= perOperation === 'create it first'
  log(
    `${perOperation === 'create it first' ? '✓' : '✗'} getUser ghost, matched on getUser's own errors → ${perOperation}`,
  )
  await iam.close()
  await insecure.close()
  return good
}
