import type { Acl, BceError, IamClient } from 'bce-iam'
import { ResultAsync, errAsync, okAsync } from 'neverthrow'
import { parseAcl } from '../acl'
import {
  iacError,
  type DesiredGroup,
  type DesiredPolicy,
  type DesiredRole,
  type DesiredState,
  type DesiredUser,
  type IacError,
  type PolicyRef,
} from './document'
import { limiter, type Limiter } from './limit'
import { authoredDocument, type DocumentKind } from './live-document'

/** Options of {@link exportState}. */
export interface ExportOptions {
  /** How many requests run at once (default 8). */
  readonly concurrency?: number | undefined
}

/**
 * The error of a failed export: the first failing call's error, or an `IacError`
 * (`UnreadableLiveDocument`) naming the live policy or trust document that does not parse.
 */
export type ExportError = BceError | IacError

function refOf(policy: { readonly name: string; readonly type?: string | undefined }): PolicyRef {
  return policy.type === 'System' ? Object.freeze({ name: policy.name, type: 'System' as const }) : policy.name
}

/**
 * A live document as its author wrote it (without the fields the service manages); one that does
 * not parse is an error at `path` (never an empty ACL).
 */
function aclOf(text: string | undefined, kind: DocumentKind, path: string): ResultAsync<Acl, ExportError> {
  const parsed = parseAcl(text ?? '')
  if (parsed.isOk()) return okAsync(authoredDocument(parsed.value, kind))
  const issues = (parsed.error.issues ?? [{ path: '(root)', expected: 'an ACL document' }]).map((issue) => ({
    ...issue,
    path: issue.path === '(root)' ? path : `${path}.${issue.path}`,
  }))
  return errAsync(iacError('UnreadableLiveDocument', issues, `the live ${path} does not parse as an ACL document`))
}

function all<T, E>(items: readonly ResultAsync<T, E>[]): ResultAsync<readonly T[], E> {
  return ResultAsync.combine([...items])
}

function defined<T extends object>(value: T): T {
  return Object.freeze(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))) as T
}

function exportUsers(iam: IamClient, run: Limiter): ResultAsync<Record<string, DesiredUser>, ExportError> {
  return run(() => iam.listUsers()).andThen((users) =>
    all(
      users.map((user) =>
        all([
          run(() => iam.listGroupsForUser({ userName: user.name })).map((groups) => groups.map((g) => g.name).sort()),
          run(() => iam.listUserAttachedPolicies({ userName: user.name })).map((ps) => ps.map(refOf)),
        ] as const).map(([groups, policies]) => {
          const entity = defined<DesiredUser>({
            description: user.description,
            enabled: user.enabled,
            groups: groups as string[],
            policies: policies,
          })
          return [user.name, entity] as const
        }),
      ),
    ).map((entries) => Object.freeze(Object.fromEntries(entries))),
  )
}

function exportGroups(iam: IamClient, run: Limiter): ResultAsync<Record<string, DesiredGroup>, ExportError> {
  return run(() => iam.listGroups()).andThen((groups) =>
    all(
      groups.map((group) =>
        run(() => iam.listGroupAttachedPolicies({ groupName: group.name })).map(
          (ps) =>
            [group.name, defined<DesiredGroup>({ description: group.description, policies: ps.map(refOf) })] as const,
        ),
      ),
    ).map((entries) => Object.freeze(Object.fromEntries(entries))),
  )
}

function exportPolicies(iam: IamClient, run: Limiter): ResultAsync<Record<string, DesiredPolicy>, ExportError> {
  return run(() => iam.listPolicies({ policyType: 'Custom' })).andThen((policies) =>
    all(
      policies.map((policy) =>
        (policy.document === undefined
          ? run(() => iam.getPolicy({ policyName: policy.name, policyType: 'Custom' }))
          : okAsync(policy)
        ).andThen((full) =>
          aclOf(full.document, 'policy', `policies.${policy.name}.document`).map(
            (document) => [policy.name, defined<DesiredPolicy>({ description: full.description, document })] as const,
          ),
        ),
      ),
    ).map((entries) => Object.freeze(Object.fromEntries(entries))),
  )
}

function exportRoles(iam: IamClient, run: Limiter): ResultAsync<Record<string, DesiredRole>, ExportError> {
  return run(() => iam.listRoles()).andThen((roles) =>
    all(
      roles.map((role) => {
        const trust: ResultAsync<string | undefined, ExportError> =
          role.assumeRolePolicyDocument === undefined
            ? run(() => iam.getRole({ roleName: role.name })).map((full) => full.assumeRolePolicyDocument)
            : okAsync(role.assumeRolePolicyDocument)
        return trust
          .andThen((text) => aclOf(text, 'trust', `roles.${role.name}.trust`))
          .andThen((acl) =>
            run(() => iam.listRoleAttachedPolicies({ roleName: role.name })).map(
              (ps) =>
                [
                  role.name,
                  defined<DesiredRole>({ description: role.description, trust: acl, policies: ps.map(refOf) }),
                ] as const,
            ),
          )
      }),
    ).map((entries) => Object.freeze(Object.fromEntries(entries))),
  )
}

/**
 * Reads a live account into a {@link DesiredState}: users (description, enabled, groups,
 * attached policies), groups and their policies, custom policies with their documents, roles
 * with their trust documents and policies. At most `concurrency` (default 8) requests run at once.
 * Fails with the first failing call's error. Never rejects.
 */
export function exportState(iam: IamClient, options?: ExportOptions): ResultAsync<DesiredState, ExportError> {
  const run = limiter(options?.concurrency ?? 8)
  return all([
    exportUsers(iam, run),
    exportGroups(iam, run),
    exportPolicies(iam, run),
    exportRoles(iam, run),
  ] as const).map(([users, groups, policies, roles]) =>
    Object.freeze({
      users: users as Record<string, DesiredUser>,
      groups: groups as Record<string, DesiredGroup>,
      policies: policies as Record<string, DesiredPolicy>,
      roles: roles as Record<string, DesiredRole>,
    }),
  )
}
