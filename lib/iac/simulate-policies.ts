import type { Acl } from 'bce-iam'
import { err, ok, type Result } from 'neverthrow'
import type { Issue, PathKey } from '../errors/issue'
import type { AttachmentSource, EffectivePolicy, SimulatedPrincipal, SimulateOptions } from './simulate-types'
import { refName, refType, type DesiredState, type PolicyRef } from './document'

/** The policies that apply to a principal, and whether it is a disabled user. */
export interface PrincipalPolicies {
  readonly policies: readonly EffectivePolicy[]
  readonly disabled: boolean
}

/** One attachment list to read: where it is in the document and how it reaches the principal. */
interface AttachmentList {
  readonly path: readonly PathKey[]
  readonly source: AttachmentSource
  readonly refs: readonly PolicyRef[]
}

/** Own-property lookup, so `constructor` or `__proto__` never resolve to something inherited. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

/** A reference as name and type (a bare name is a Custom policy). */
function refOf(ref: PolicyRef): { readonly name: string; readonly type: 'Custom' | 'System' } {
  return { name: refName(ref), type: refType(ref) }
}

/**
 * The one attachment list of a group or a role named as the principal, or the issue saying the
 * document does not define it.
 */
function ownList(
  holders: Readonly<Record<string, { readonly policies?: readonly PolicyRef[] | undefined }>> | undefined,
  kind: 'group' | 'role',
  name: string,
): Result<{ lists: AttachmentList[]; disabled: boolean; issues: Issue[] }, Issue[]> {
  const section = kind === 'group' ? 'groups' : 'roles'
  const holder = own(holders, name)
  if (holder === undefined) return err([{ path: [section, name], expected: `a ${kind} defined in the document` }])
  return ok({
    lists: [{ path: [section, name, 'policies'], source: { kind, name }, refs: holder.policies ?? [] }],
    disabled: false,
    issues: [],
  })
}

/** The attachment lists of the principal, or the issue saying it (or one of its groups) is not defined. */
function attachmentLists(
  state: DesiredState,
  principal: SimulatedPrincipal,
): Result<{ lists: AttachmentList[]; disabled: boolean; issues: Issue[] }, Issue[]> {
  if ('user' in principal) {
    const user = own(state.users, principal.user)
    if (user === undefined)
      return err([
        {
          path: ['users', principal.user],
          expected: 'a user defined in the document',
        },
      ])
    const lists: AttachmentList[] = [
      {
        path: ['users', principal.user, 'policies'],
        source: { kind: 'user', name: principal.user },
        refs: user.policies ?? [],
      },
    ]
    const issues: Issue[] = []
    ;(user.groups ?? []).forEach((name, index) => {
      const group = own(state.groups, name)
      if (group === undefined)
        issues.push({
          path: ['users', principal.user, 'groups', index],
          expected: 'a group defined in the document',
          actual: name,
        })
      else
        lists.push({
          path: ['groups', name, 'policies'],
          source: { kind: 'group', name },
          refs: group.policies ?? [],
        })
    })
    return ok({ lists, disabled: user.enabled === false, issues })
  }
  if ('group' in principal) return ownList(state.groups, 'group', principal.group)
  return ownList(state.roles, 'role', principal.role)
}

/** The document of a referenced policy, or the issue saying it is unknown. */
function documentOf(
  state: DesiredState,
  ref: { readonly name: string; readonly type: 'Custom' | 'System' },
  path: readonly PathKey[],
  options: SimulateOptions,
): Result<Acl, Issue> {
  if (ref.type === 'System') {
    const document = own(options.systemPolicies, ref.name)
    return document === undefined
      ? err({
          path,
          expected: 'a System policy whose document is given (systemPolicies)',
          actual: ref.name,
        })
      : ok(document)
  }
  const policy = own(state.policies, ref.name)
  return policy === undefined
    ? err({
        path,
        expected: 'a custom policy defined in the document (policies)',
        actual: ref.name,
      })
    : ok(policy.document)
}

/**
 * The policies that apply to `principal` in `state`: a user's own, then its groups' in the
 * order of its `groups`; a group's; a role's. A policy held several ways counts once, with every
 * way in `via`. Every unresolvable reference is an issue (never skipped: a missing policy could
 * be the one that denies).
 */
export function principalPolicies(
  state: DesiredState,
  principal: SimulatedPrincipal,
  options: SimulateOptions,
): Result<PrincipalPolicies, readonly Issue[]> {
  return attachmentLists(state, principal).andThen(({ lists, disabled, issues }) => {
    const byKey = new Map<
      string,
      {
        name: string
        type: 'Custom' | 'System'
        via: AttachmentSource[]
        document: Acl
      }
    >()
    for (const list of lists) {
      list.refs.forEach((raw, index) => {
        const ref = refOf(raw)
        const key = `${ref.type}:${ref.name}`
        const known = byKey.get(key)
        if (known !== undefined) {
          if (!known.via.some((via) => via.kind === list.source.kind && via.name === list.source.name))
            known.via.push(list.source)
          return
        }
        const document = documentOf(state, ref, [...list.path, index], options)
        if (document.isErr()) issues.push(document.error)
        else
          byKey.set(key, {
            name: ref.name,
            type: ref.type,
            via: [list.source],
            document: document.value,
          })
      })
    }
    if (issues.length > 0) return err(issues)
    const policies = [...byKey.values()].map((policy) =>
      Object.freeze({ ...policy, via: Object.freeze([...policy.via]) }),
    )
    return ok({ policies: Object.freeze(policies), disabled })
  })
}
