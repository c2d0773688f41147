/**
 * What each emulator route needs from the caller (an emulator assumption: BCE publishes no
 * permission table for IAM itself). The values are plain data so that the route table can
 * declare them and tests can check them.
 */

/** The service every IAM operation is authorised for. */
export const IAM_SERVICE = 'bce:iam'

/** The region the emulator serves: the `region` of every authorisation request. */
export const EMULATOR_REGION = 'bj'

/**
 * The permission a route needs: `READ` for reads (GET), `FULL_CONTROL` for every change, `none`
 * for STS operations, which the route table does not check: getSessionToken acts as the caller
 * (authentication suffices), and assumeRole is decided by its handler once the role is known
 * (the role's trust document, the caller's policies and session ACL: `AssumeRole` on
 * `role/<roleName>`, see `assume-role.ts`).
 */
export type RoutePermission = 'READ' | 'FULL_CONTROL' | 'none'

/**
 * Every permission a route can declare, for exhaustive checks. A policy statement grants a
 * route when one of its `permission` entries is the route's permission, `*`, or `FULL_CONTROL`
 * (which implies every permission, as the ACL evaluator assumes).
 */
export const ROUTE_PERMISSIONS: readonly RoutePermission[] = ['READ', 'FULL_CONTROL', 'none']

/**
 * The resource a route acts on, as a template: literal text with `{param}` placeholders filled
 * from the decoded path parameters, e.g. `user/{userName}`; `*` for account-level operations
 * (lists, creates, and operations whose target is only named in the body).
 */
export type ResourceTemplate = string

/** Fills a resource template from path parameters; a `{policyId}` becomes the policy's name when known. */
export function resolveResource(
  template: ResourceTemplate,
  params: Readonly<Record<string, string>>,
  policyNameById: (policyId: string) => string | undefined,
): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_whole, name: string) => {
    const value = params[name] ?? ''
    return name === 'policyId' ? (policyNameById(value) ?? value) : value
  })
}
