/**
 * Shared, deterministic benchmark inputs: credentials, the canned getUser body and a 500-user
 * listUsers body shaped like real IAM answers (32-hex ids, second-precision UTC times).
 */

export const ACCESS_KEY_ID = 'a2b6f1c9d4e84c1f9e3b7a5d0c8f2e61'
export const SECRET_ACCESS_KEY = '7f3c9e1b5d2a4f8e6c0b9a7d3e1f5c2b'
export const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY } as const

export const USER_NAME = 'alice'
export const USER_PATH = `/v1/user/${USER_NAME}`

function hexId(seed: number): string {
  let out = ''
  let x = (seed * 2654435761) >>> 0
  for (let i = 0; i < 32; i += 1) {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 3266489917 + i) >>> 0
    out += (x & 15).toString(16)
  }
  return out
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}

const BASE_MS = Date.UTC(2023, 0, 3, 8, 0, 0)

/** One realistic IAM user, as the service sends it. */
export function wireUser(
  index: number,
  name = `bench-user-${String(index).padStart(4, '0')}`,
): Record<string, unknown> {
  return {
    id: hexId(index + 1),
    name,
    createTime: isoSeconds(BASE_MS + index * 3_607_000),
    description: `load-test account ${index} owned by the platform team (team-${index % 17})`,
    enabled: index % 11 !== 0,
  }
}

/** The canned getUser body (a single user, with lastLoginTime as getUser returns it). */
export const GET_USER_BODY = JSON.stringify({
  ...wireUser(0, USER_NAME),
  lastLoginTime: isoSeconds(BASE_MS + 86_400_000 * 200),
})

/** A 500-user listUsers body (IAM's maximum, not paginated). */
export const LIST_USERS_COUNT = 500
export const LIST_USERS_BODY = JSON.stringify({
  users: Array.from({ length: LIST_USERS_COUNT }, (_, i) => wireUser(i)),
})

export const NOT_FOUND_BODY = JSON.stringify({
  requestId: '00000000-0000-0000-0000-000000000000',
  code: 'NoSuchEntity',
  message: 'The specified entity does not exist',
})
