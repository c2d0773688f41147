/**
 * bce-iam/fp-ts: every IAM and STS client method as an fp-ts `TaskEither`, typed from the same
 * operation declarations as the client (same inputs, same values, same per-operation error
 * unions). fp-ts is a dependency of bce-iam (through io-ts).
 *
 * @packageDocumentation
 */
export { taskEitherClient } from './task-either-client'
export type {
  TaskEitherMethod,
  TaskEitherMethods,
  TaskEitherIamClient,
  TaskEitherStsClient,
} from './task-either-client'
export { fromResultAsync } from './from-result-async'
export { orElseKind } from './or-else-kind'
