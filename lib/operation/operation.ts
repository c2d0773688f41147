import type { ResponseReader } from '../decode/response'

import type { HttpMethod } from '../http/prepared-request'

export type { HttpMethod }

/** How one input field is checked and where it goes on the wire. */
export type FieldSpec =
  | {
      /** An entity name or id placed in a path segment or a query value. */
      readonly type: 'name'
      readonly in: 'path' | 'query' | 'body'
      readonly required?: boolean
      readonly maxLength?: number
      readonly wire?: string
    }
  | {
      readonly type: 'string'
      readonly in: 'query' | 'body'
      readonly required?: boolean
      readonly minLength?: number
      readonly maxLength?: number
      /** A secret (password): validated, but its value is never described in an issue. */
      readonly secret?: boolean
      readonly wire?: string
    }
  | {
      readonly type: 'enum'
      readonly in: 'path' | 'query' | 'body'
      readonly values: readonly string[]
      readonly required?: boolean
      readonly wire?: string
    }
  | { readonly type: 'boolean'; readonly in: 'body'; readonly required?: boolean; readonly wire?: string }
  | {
      readonly type: 'integer'
      readonly in: 'query' | 'body'
      readonly required?: boolean
      readonly min?: number
      readonly max?: number
      readonly wire?: string
    }
  | {
      /**
       * An ACL document: a typed object (checked, then serialised canonically by the SDK) or a
       * pre-serialised JSON string (checked, then sent unchanged).
       */
      readonly type: 'document'
      readonly in: 'body' | 'rawBody'
      /** Whether every statement must name its resources (user, group, role and STS policies do; trust documents do not). */
      readonly requireResource: boolean
      readonly required?: boolean
      readonly wire?: string
    }

/** One field spec per input key (optional keys included). */
export type FieldSpecs<I> = { readonly [K in keyof I]-?: FieldSpec }

/**
 * An operation declared as data: everything the client needs to validate an input, build and
 * sign the request, decide about retries and read the answer.
 */
export interface OperationSpec<I, O> {
  /** SDK method name, e.g. `getUser`; also the `operation` of every error. */
  readonly name: string
  readonly method: HttpMethod
  /** Path template; `{field}` placeholders name path fields of the input. */
  readonly path: string
  readonly fields: FieldSpecs<I>
  /** Query flags sent bare (`?disable`) and signed as `disable=`. */
  readonly flags?: readonly string[]
  /** Whether repeating the request has the same effect as sending it once. */
  readonly idempotent: boolean
  readonly reader: ResponseReader<O>
}

/** Declares an operation; the identity function, there for type inference. */
export function defineOperation<I, O>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec
}
