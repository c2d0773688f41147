import * as t from 'io-ts'

/**
 * What a {@link mapped} function returns when the decoded value cannot be mapped: the decode
 * fails with an issue at `key` (under the value being decoded) saying what was `expected`.
 */
export class MapIssue {
  constructor(
    /** The field, under the decoded value, the issue is about. */
    readonly key: string,
    /** What was expected there (e.g. `string`). */
    readonly expected: string,
  ) {
    Object.freeze(this)
  }
}

/**
 * A codec that decodes with `from`, then applies `map` to the decoded value (for example to
 * drop or hide a field). The fast-path deriver understands it: it fast-decodes `from`, then
 * applies `map`; so `map` must be pure and must not depend on anything but its argument.
 */
export class MappedType<A, B> extends t.Type<B, unknown> {
  /** Tag the fast-path deriver recognises. */
  readonly _tag = 'MappedType' as const

  constructor(
    name: string,
    /** The codec whose decoded value is mapped. */
    readonly from: t.Type<A, unknown>,
    /** The mapping: the public value, or a {@link MapIssue} when it cannot be built. */
    readonly map: (decoded: A) => B | MapIssue,
    is: t.Is<B>,
  ) {
    super(
      name,
      is,
      (value, context) => {
        const decoded = from.validate(value, context)
        if (decoded._tag === 'Left') return decoded
        const result = map(decoded.right)
        if (!(result instanceof MapIssue)) return t.success(result)
        const actual: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, result.key) : undefined
        return t.failure(actual, t.appendContext(context, result.key, from, actual), result.expected)
      },
      (mappedValue) => mappedValue,
    )
  }
}

/**
 * Decodes with `from`, then maps the decoded value with `map` (see {@link MappedType}). A value
 * of the result is recognised by `is`, by default `from`'s own check: right when `map` only
 * drops or hides fields.
 */
export function mapped<A, B>(
  name: string,
  from: t.Type<A, unknown>,
  map: (decoded: A) => B | MapIssue,
  is: t.Is<B> = (value): value is B => from.is(value),
): MappedType<A, B> {
  return new MappedType(name, from, map, is)
}

/**
 * A codec that decodes `select(value)` with `to` instead of the value itself (for example the
 * object under a wrapper key when there is one). The fast-path deriver understands it; `select`
 * must be pure.
 */
export class MappedInputType<A> extends t.Type<A, unknown> {
  /** Tag the fast-path deriver recognises. */
  readonly _tag = 'MappedInputType' as const

  constructor(
    name: string,
    /** Picks what `to` decodes out of the raw value. */
    readonly select: (value: unknown) => unknown,
    /** The codec for the selected value. */
    readonly to: t.Type<A, unknown>,
  ) {
    super(name, to.is, (value, context) => to.validate(select(value), context), to.encode)
  }
}

/** Decodes `select(value)` with `to` (see {@link MappedInputType}). */
export function mappedInput<A>(
  name: string,
  select: (value: unknown) => unknown,
  to: t.Type<A, unknown>,
): MappedInputType<A> {
  return new MappedInputType(name, select, to)
}
