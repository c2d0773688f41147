/**
 * Type tests (compiled by `npm run typecheck` with `exactOptionalPropertyTypes`, never run): every
 * optional input field and option accepts an explicit `undefined` (treated as unset at run time),
 * so a consumer compiling with `exactOptionalPropertyTypes` can forward a `T | undefined` value.
 * The registry check covers every operation's input, including operations declared later.
 */
import type {
  AssumeRoleProviderOptions,
  CallOptions,
  DefaultCredentialsOptions,
  IamClient,
  IamClientConfig,
  ProfileOptions,
  ProviderContext,
  RefreshOptions,
  RetryBudgetOptions,
  RetryOptions,
  SessionTokenProviderOptions,
  StsClientConfig,
  User,
} from '../../lib'
import type { AclCheckOptions, AclDocumentSpec, StatementSpec, TrustPolicySpec } from '../../lib/acl'
import type { ChaosSettings, EmulatorOptions, FaultInstruction } from '../../lib/emulator'
import type { ApplyOptions, ExportOptions, PlanOptions, SimulateOptions, SimulationRequest } from '../../lib/iac'
import type { TracingOptions } from '../../lib/otel'
import type { IamOperations } from '../../lib/iam/iam-operations'
import type { InputOf } from '../../lib/operation/operation'
import type { StsOperations } from '../../lib/sts/sts-registry'
import type { ResultAsync } from 'neverthrow'
import type { Equal, Expect } from './expect'

/** The optional string keys of `T` (symbol keys such as `NoInput`'s brand are not fields). */
type OptionalKeys<T> = {
  [K in keyof T]-?: K extends string ? (Partial<Record<K, never>> extends Pick<T, K> ? K : never) : never
}[keyof T]

/** The optional keys of `T` that refuse an explicit `undefined` (`never` when all accept it). */
export type KeysRefusingUndefined<T> = T extends unknown
  ? { [K in OptionalKeys<T>]-?: { readonly [P in K]: undefined } extends Pick<T, K> ? never : K }[OptionalKeys<T>]
  : never

/** For every operation of a registry, its input's keys that refuse `undefined`. */
type RegistryRefusals<R> = { [N in keyof R]: KeysRefusingUndefined<InputOf<R[N]>> }[keyof R]

export type InputsAcceptUndefined = [
  Expect<Equal<RegistryRefusals<IamOperations>, never>>,
  Expect<Equal<RegistryRefusals<StsOperations>, never>>,
]

export type OptionsAcceptUndefined = [
  Expect<Equal<KeysRefusingUndefined<IamClientConfig>, never>>,
  Expect<Equal<KeysRefusingUndefined<StsClientConfig>, never>>,
  Expect<Equal<KeysRefusingUndefined<CallOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<RetryOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<RetryBudgetOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<ProfileOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<DefaultCredentialsOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<RefreshOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<AssumeRoleProviderOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<SessionTokenProviderOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<EmulatorOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<ChaosSettings>, never>>,
  Expect<Equal<KeysRefusingUndefined<FaultInstruction>, never>>,
  Expect<Equal<KeysRefusingUndefined<ExportOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<PlanOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<ApplyOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<TracingOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<ProviderContext>, never>>,
  Expect<Equal<KeysRefusingUndefined<SimulateOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<SimulationRequest>, never>>,
  Expect<Equal<KeysRefusingUndefined<AclCheckOptions>, never>>,
  Expect<Equal<KeysRefusingUndefined<AclDocumentSpec>, never>>,
  Expect<Equal<KeysRefusingUndefined<StatementSpec>, never>>,
  Expect<Equal<KeysRefusingUndefined<TrustPolicySpec>, never>>,
]

/** The helper itself: it finds an exact optional key, and ignores required ones. */
export type HelperWorks = [
  Expect<Equal<KeysRefusingUndefined<{ a?: string; b?: string | undefined; c: string }>, 'a'>>,
  Expect<Equal<KeysRefusingUndefined<{ a?: string | undefined }>, never>>,
]

/** What the consumer writes: forwarding possibly-undefined values compiles. */
export function forwards(
  iam: IamClient,
  name: string,
  description: string | undefined,
  endpoint: string | undefined,
): ResultAsync<User, unknown> {
  const config: IamClientConfig = { endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }
  if (config.endpoint === 'never') return iam.createUser({ name })
  return iam.createUser({ name, description }, { timeoutMs: undefined, signal: undefined })
}
