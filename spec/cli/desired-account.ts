/**
 * The desired-state document the CLI end-to-end suites work with: alice in `devs`, who may READ
 * everything in bce:iam except `user/root*` (a Deny held through her group).
 */
export const DESIRED_ACCOUNT_YAML = `# the account as it should be
users:
  alice:
    description: on call
    groups: [devs]
    policies: [readers]
policies:
  readers:
    document:
      accessControlList:
        - { service: 'bce:iam', region: '*', resource: ['*'], permission: [READ], effect: Allow }
  no-root:
    document:
      accessControlList:
        - { service: 'bce:iam', region: '*', resource: ['user/root*'], permission: [READ], effect: Deny }
groups:
  devs:
    policies: [no-root]
`
