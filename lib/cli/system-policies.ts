import type { ResultAsync } from 'neverthrow'
import { parseAcl, type Acl, type BceError, type IamClient } from '..'

/**
 * The documents of the account's System policies, by name, read from the service (one
 * `listPolicies` call). A System policy whose document is absent or does not parse is left out,
 * so a simulation holding it fails with an issue rather than guessing.
 */
export function systemPolicyDocuments(iam: IamClient): ResultAsync<Readonly<Record<string, Acl>>, BceError> {
  return iam.listPolicies({ policyType: 'System' }).map((policies) => {
    const documents: Record<string, Acl> = {}
    for (const policy of policies) {
      if (policy.document === undefined) continue
      const parsed = parseAcl(policy.document)
      if (parsed.isOk()) documents[policy.name] = parsed.value
    }
    return Object.freeze(documents)
  })
}
