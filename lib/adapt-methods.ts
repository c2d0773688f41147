import type { ResultAsync } from 'neverthrow'
import { IamClient } from './iam/iam-client'
import { IAM_OPERATIONS } from './iam/iam-operations'
import type { StsClient } from './sts/sts-client'
import { STS_OPERATIONS } from './sts/sts-registry'

/** A client method seen without its types: whatever arguments, a `ResultAsync`. */
export type AnyClientMethod = (...args: readonly unknown[]) => ResultAsync<unknown, unknown>

/**
 * Every operation method of `client`, wrapped by `wrap` (given the method and its operation's
 * name), keyed by operation name and frozen: the adapters (`bce-iam/fp-ts`, `bce-iam/effect`,
 * `bce-iam/otel`) build their clients with it from the registry, so a new operation needs no
 * change in any adapter.
 */
export function adaptMethods(
  client: IamClient | StsClient,
  wrap: (method: AnyClientMethod, name: string) => unknown,
): Readonly<Record<string, unknown>> {
  const registry = client instanceof IamClient ? IAM_OPERATIONS : STS_OPERATIONS
  const methods = client as unknown as Readonly<Record<string, AnyClientMethod | undefined>>
  const adapted: Record<string, unknown> = {}
  for (const name of Object.keys(registry)) {
    const method = methods[name]
    if (method !== undefined) adapted[name] = wrap(method, name)
  }
  return Object.freeze(adapted)
}
