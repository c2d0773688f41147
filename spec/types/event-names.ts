/**
 * Type tests (compiled by `npm run typecheck`, never run): events name the operations of the
 * client (or of the call) that emits them, so a typo in a comparison does not compile.
 */
import type { BceEvent, IamClient, IamOperationName, Observer, StsClient, StsOperationName } from '../../lib'
import { IamClient as Iam } from '../../lib'
import type { Equal, Expect } from './expect'

type OperationOf<E> = E extends { readonly operation: infer N } ? N : never

// An IAM client's observer sees IAM operation names; a plain Observer (any name) is still accepted.
export const iam = new Iam({
  credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
  observe: (event) => {
    const names: Expect<Equal<OperationOf<typeof event>, IamOperationName>> = true
    return event.type === 'call' && names
  },
})
const anyObserver: Observer = () => undefined
export const plain = new Iam({ credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' }, observe: anyObserver })

// A call's observer sees that operation's name only.
type GetUserOptions = NonNullable<Parameters<IamClient['getUser']>[1]>
type GetUserEvent = Parameters<NonNullable<GetUserOptions['observe']>>[0]
export type GetUserEventNames = Expect<Equal<OperationOf<GetUserEvent>, 'getUser'>>
type AssumeRoleOptions = NonNullable<Parameters<StsClient['assumeRole']>[1]>
type AssumeRoleEvent = Parameters<NonNullable<AssumeRoleOptions['observe']>>[0]
export type AssumeRoleEventNames = Expect<Equal<OperationOf<AssumeRoleEvent>, 'assumeRole'>>

// Without a client, events carry any string.
export type DefaultNames = Expect<Equal<OperationOf<BceEvent>, string>>

// A typo compared with an IAM event's operation is an error: no overlap.
export function typo(event: BceEvent<IamOperationName>): boolean {
  // @ts-expect-error -- 'getUsr' is not an IAM operation name
  return event.type === 'attempt' && event.operation === 'getUsr'
}
// An STS observer cannot observe an IAM client (its events name operations it does not know).
const stsOnly: Observer<StsOperationName> = () => undefined
// @ts-expect-error -- an IAM client's events are not STS events
export const wrong = new Iam({ credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' }, observe: stsOnly })
