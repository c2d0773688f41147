import type { FieldSpec } from '../operation/operation'

/** Longest group and custom-policy names (BCE system restrictions). */
export const MAX_GROUP_NAME = 64
/** Longest custom policy name. */
export const MAX_POLICY_NAME = 64
/** Longest group description. */
export const MAX_GROUP_DESCRIPTION = 128

/** `{userName}` in the path. */
export const userNameInPath: FieldSpec = { type: 'name', in: 'path', required: true }
/** `{groupName}` in the path. */
export const groupNameInPath: FieldSpec = { type: 'name', in: 'path', required: true, maxLength: MAX_GROUP_NAME }
/** `{policyName}` in the path (System policy names may be longer than custom ones). */
export const policyNameInPath: FieldSpec = { type: 'name', in: 'path', required: true }
/** `{roleName}` in the path. */
export const roleNameInPath: FieldSpec = { type: 'name', in: 'path', required: true }
/** `{accessKeyId}` in the path. */
export const accessKeyIdInPath: FieldSpec = { type: 'name', in: 'path', required: true }
/** `{policyId}` in the path. */
export const policyIdInPath: FieldSpec = { type: 'name', in: 'path', required: true }
/** `?policyType=System|Custom`, omitted when unset (the service then assumes Custom). */
export const policyTypeInQuery: FieldSpec = { type: 'enum', in: 'query', values: ['System', 'Custom'] }
/** An optional free-text description in the body. */
export const descriptionInBody: FieldSpec = { type: 'string', in: 'body' }
