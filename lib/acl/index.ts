/**
 * The ACL toolkit: build policy and trust documents, parse and validate them with precise
 * issues, serialise them canonically, and evaluate them locally.
 *
 * @packageDocumentation
 */
export type { Acl, AclEffect, AclGrantee, AclStatement } from './types'
export { allow, deny, type StatementSpec } from './statement-builders'
export { acl, aclDocument, type AclDocumentSpec } from './document-builders'
export { trustPolicy, type TrustPolicySpec } from './trust-policy'
export type { AclCheckOptions } from './check-acl'
export { parseAcl, type ParseAclOptions } from './parse-acl'
export { validateAcl, type ValidateAclOptions } from './validate-acl'
export { serializeAcl } from './serialize-acl'
export {
  evaluateAcl,
  type AclDecision,
  type AclEvaluation,
  type AclRequest,
  type MatchedStatement,
} from './evaluate-acl'
