/**
 * bce-iam/effect: every IAM and STS client method as an `Effect` whose failures are tagged by
 * error kind and client reason (so `Effect.catchTag('NotFound', …)` works), typed from the same
 * operation declarations as the client; plus services and scoped layers for the clients.
 * `effect` (3.x) is an optional peer dependency of bce-iam, needed only for this entry point.
 *
 * @packageDocumentation
 */
export { effectClient } from './effect-client'
export type { EffectMethod, EffectMethods, EffectIamClient, EffectStsClient } from './effect-client'
export { tagError } from './tagged-error'
export type { TaggedBceError, TaggedClientError, EffectErrorOf } from './tagged-error'
export { fromResultAsync } from './from-result-async'
export { IamClientService, StsClientService, layer, stsLayer } from './services'
export type { ConfigFailure } from './services'
