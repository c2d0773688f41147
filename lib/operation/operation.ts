import type { Result } from 'neverthrow'
import type { ResponseReader } from '../decode/response'
import type { Issue } from '../errors/issue'
import { COMMON_ERROR_KINDS, type OperationErrorKind } from '../errors/kinds'
import type { ServiceErrorKind } from '../errors/types'

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
       * A value checked and encoded by a codec the field's declaration supplies (the ACL toolkit
       * supplies the one for policy and trust documents: `aclDocumentField`).
       */
      readonly type: 'codec'
      /** `query`: the codec must encode to a string (e.g. base64 of a JSON document). */
      readonly in: 'body' | 'rawBody' | 'query'
      readonly codec: FieldCodec
      readonly required?: boolean
      readonly wire?: string
    }

/**
 * Checks one field's value and encodes it as sent: a JSON value for a `body` field, the text of
 * the body for a `rawBody` field, the parameter's text for a `query` field. Issue paths are relative to the field (empty: the value itself).
 */
export interface FieldCodec {
  /** What the field holds, for documentation (e.g. `ACL document`). */
  readonly describes: string
  /** Checks a value and encodes it as sent, or returns every problem found. */
  readonly encode: (value: unknown) => Result<unknown, readonly Issue[]>
}

/** One field spec per input key (optional keys included; symbol keys are not fields). */
export type FieldSpecs<I> = { readonly [K in keyof I as K extends string ? K : never]-?: FieldSpec }

/** The private key of {@link NoInput} (a type only: nothing exists at run time). */
declare const NO_INPUT: unique symbol

/**
 * The input of an operation without parameters: `{}`, or no argument at all. Any property is
 * refused with "Object literal may only specify known properties, and 'x' does not exist in type
 * 'NoInput'".
 */
export interface NoInput {
  /** Never present: keeps `NoInput` from accepting any property. */
  readonly [NO_INPUT]?: never
}

/** Which service an operation belongs to (and which client serves it). */
export type ServiceName = 'iam' | 'sts'

/**
 * What a caller other than the account root needs for an operation: `READ` for reads,
 * `FULL_CONTROL` for changes, on the resource the template names (`user/{userName}`,
 * `group/{groupName}`, `policy/{policyName}`, `role/{roleName}`, or `*` for account-level
 * operations); `none` where authentication suffices (STS). Placeholders are path fields.
 */
export interface OperationAccess {
  /** What a caller other than the account root needs. */
  readonly permission: 'READ' | 'FULL_CONTROL' | 'none'
  /** The resource template the permission is on (placeholders name path fields). */
  readonly resource: string
}

/**
 * An operation declared as data: everything the client needs to validate an input, build and
 * sign the request, decide about retries and read the answer; the service-error kinds it can
 * produce; and what the emulator and the documentation need (access, success status, link).
 * One declaration per operation: the clients' methods, the emulator's routes, the catalogue and
 * the README table are all derived from it.
 *
 * @typeParam I - the input object
 * @typeParam O - the decoded result
 * @typeParam N - the method name (a literal type)
 * @typeParam K - the operation-specific service-error kinds it declares
 */
export interface OperationSpec<I, O, N extends string = string, K extends OperationErrorKind = OperationErrorKind> {
  /** SDK method name, e.g. `getUser`; also the `operation` of every error. */
  readonly name: N
  /** The service the operation belongs to (`iam` or `sts`). */
  readonly service: ServiceName
  /** One line saying what the operation does (TSDoc and README table). */
  readonly summary: string
  /** Baidu's documentation of the operation. */
  readonly docs: string
  /** The HTTP method of the request. */
  readonly method: HttpMethod
  /** Path template; `{field}` placeholders name path fields of the input. */
  readonly path: string
  /** How each input field is checked and where it goes in the request. */
  readonly fields: FieldSpecs<I>
  /** Query flags sent bare (`?disable`) and signed as `disable=`. */
  readonly flags?: readonly string[]
  /** Whether repeating the request has the same effect as sending it once. */
  readonly idempotent: boolean
  /** How a successful answer is read. */
  readonly reader: ResponseReader<O>
  /** The success status (201 for creates, 200 otherwise). */
  readonly status: 200 | 201
  /** What a caller needs to be allowed the operation (the emulator enforces it). */
  readonly access: OperationAccess
  /**
   * The operation-specific service-error kinds it can produce; any other operation-specific
   * kind an answer classifies as is reported as `Unknown` (the kinds every call can meet,
   * `CommonErrorKind`, need no declaration).
   */
  readonly errors: readonly K[]
  /** `errors` plus every `CommonErrorKind`, as a set: computed once by `defineOperation`. */
  readonly reportable: ReadonlySet<ServiceErrorKind>
}

/** An operation of any input, output, name and kinds (for tables of operations). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperationSpec = OperationSpec<any, any>

/** The input type of an operation spec. */
export type InputOf<S> = S extends OperationSpec<infer I, infer _O, infer _N, infer _K> ? I : never
/** The result type of an operation spec. */
export type OutputOf<S> = S extends OperationSpec<infer _I, infer O, infer _N, infer _K> ? O : never
/** The declared operation-specific error kinds of an operation spec. */
export type DeclaredKindsOf<S> = S extends { readonly errors: readonly (infer K)[] } ? K : never

/** What `defineOperation` is given: a spec without the derived `reportable` set. */
export type OperationDeclaration<I, O, N extends string, K extends OperationErrorKind> = Omit<
  OperationSpec<I, O, N, K>,
  'reportable'
>

/**
 * Declares an operation: `defineOperation<Input, Output>()({ name: 'getUser', … })`. The name
 * and the declared error kinds keep their literal types; the set of reportable kinds is worked
 * out once, here.
 */
export function defineOperation<I, O>(): <const N extends string, const K extends OperationErrorKind = never>(
  declaration: OperationDeclaration<I, O, N, K>,
) => OperationSpec<I, O, N, K> {
  return (declaration) => ({
    ...declaration,
    reportable: new Set<ServiceErrorKind>([...declaration.errors, ...COMMON_ERROR_KINDS]),
  })
}
