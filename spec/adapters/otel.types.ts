/**
 * Type tests (compiled by `npm run typecheck`, never run): a traced client's methods have exactly
 * the client's types (inputs, values, per-operation error unions).
 */
import type { IamClient, IamMethods, StsClient, StsMethods } from '../../lib'
import type { tracedClient } from '../../lib/otel'
import type { Equal, Expect } from '../types/expect'

type Traced<C> = C extends IamClient ? ReturnType<(c: IamClient) => IamMethods> : StsMethods
declare const traced: typeof tracedClient
declare const iam: IamClient
declare const sts: StsClient
export const tracedIam = traced(iam)
export const tracedSts = traced(sts)

export type IamSame = Expect<Equal<typeof tracedIam, Traced<IamClient>>>
export type GetUserSame = Expect<Equal<(typeof tracedIam)['getUser'], IamClient['getUser']>>
export type AssumeRoleSame = Expect<Equal<(typeof tracedSts)['assumeRole'], StsClient['assumeRole']>>
