/** Reads one response header as a single string (the first value of a repeated header). */
export function headerValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return undefined
}

/** The `x-bce-request-id` response header, when present and non-empty. */
export function requestIdHeader(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const value = headerValue(headers, 'x-bce-request-id')
  return value === undefined || value.length === 0 ? undefined : value
}
