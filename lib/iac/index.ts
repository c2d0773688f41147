/**
 * IAM as code: describe an account's users, groups, custom policies and roles in a JSON or YAML
 * document, read the live account into the same shape, plan the difference and apply it.
 * Load this entry (`bce-iam/iac`) only where needed: it brings the YAML parser.
 *
 * @packageDocumentation
 */
export type {
  DesiredGroup,
  DesiredPolicy,
  DesiredRole,
  DesiredState,
  DesiredUser,
  IacError,
  IacErrorReason,
  PolicyRef,
} from './document'
export { validateDesiredState } from './validate'
export { readDesiredState, writeDesiredState, type DocumentFormat } from './read-write'
export {
  plan,
  sameAcl,
  type AttachmentStep,
  type CreateStep,
  type DeleteStep,
  type EntityKind,
  type MembershipStep,
  type Plan,
  type PlanOptions,
  type PlanStep,
  type PrincipalKind,
  type UpdateStep,
} from './plan'
export { exportState, type ExportError, type ExportOptions } from './export'
export { simulate, DEFAULT_SIMULATED_SERVICE, DEFAULT_SIMULATED_REGION } from './simulate'
export type {
  SimulationRequest,
  SimulationResult,
  SimulateOptions,
  SimulatedPrincipal,
  SimulatedStatement,
  AttachmentSource,
  EffectivePolicy,
} from './simulate-types'
export { apply, describeStep } from './apply'
export type { ApplyEvent, ApplyFailure, ApplyOptions, ApplyReport, ApplyStatus, FailedStep } from './apply-types'
export type { EnsureAction, Ensured } from './ensure-types'
export { ensureUser, type EnsureUserError, type UserSpec } from './ensure-user'
export { ensureGroup, type EnsureGroupError, type GroupSpec } from './ensure-group'
export { ensurePolicy, type EnsurePolicyError, type PolicySpec } from './ensure-policy'
export { ensureRole, type EnsureRoleError, type RoleSpec } from './ensure-role'
export { ensureMembership, type EnsureMembershipError, type MembershipSpec } from './ensure-membership'
export { ensureAttachment, type EnsureAttachmentError, type AttachmentSpec } from './ensure-attachment'
