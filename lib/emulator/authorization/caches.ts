import { PolicyAclCache, SessionAclCache } from './policy-acls'

/** Parsed policy documents, shared by every authorization check of the process. */
export const policyAcls = new PolicyAclCache()

/** Parsed session ACLs, shared by every authorization check of the process. */
export const sessionAcls = new SessionAclCache()

/** Parsed role trust documents (keyed `role:<roleId>`, re-read when the document changes). */
export const trustAcls = new PolicyAclCache()
