import { err, ok, type Result } from 'neverthrow'
import type { EmulatorState } from './emulator-state'
import type { SessionRecord, SessionSubject } from './sessions'

/**
 * How long expired temporary credentials are remembered (so they answer `InvalidSessionToken`, not
 * `InvalidAccessKeyId`), unless room is needed for new ones.
 */
export const EXPIRED_SESSION_RETENTION_MS = 24 * 3600 * 1000

/** The key sessions are counted under: whom they act for (the root account, a user, a role). */
export function subjectKey(subject: SessionSubject): string {
  switch (subject.kind) {
    case 'root':
      return 'root'
    case 'user':
      return `user:${subject.userId}`
    case 'role':
      return `role:${subject.roleId}`
  }
}

const expiredAt = (session: SessionRecord): number => Date.parse(session.expiration)

/**
 * Forgets temporary credentials that expired more than `retentionMs` ago (all expired ones with
 * 0), optionally only those acting for `subject`. Answers how many were dropped.
 */
export function dropExpiredSessions(
  state: EmulatorState,
  retentionMs: number = EXPIRED_SESSION_RETENTION_MS,
  subject?: SessionSubject,
): number {
  const cutoff = state.clock.now() - retentionMs
  const key = subject === undefined ? undefined : subjectKey(subject)
  let dropped = 0
  for (const [id, session] of state.sessions) {
    // An unreadable expiration (NaN) is treated as expired: such credentials never authenticate.
    const expired = !(expiredAt(session) >= cutoff)
    if (expired && (key === undefined || subjectKey(session.subject) === key)) {
      state.sessions.delete(id)
      dropped += 1
    }
  }
  return dropped
}

function countFor(state: EmulatorState, key: string): number {
  let count = 0
  for (const session of state.sessions.values()) if (subjectKey(session.subject) === key) count += 1
  return count
}

/** Which bound new temporary credentials would cross, with its value. */
export interface SessionBoundHit {
  readonly bound: 'sessionsPerPrincipal' | 'sessionsPerAccount'
  readonly limit: number
}

/**
 * Makes room for one more session acting for `subject`, within `state.limits`
 * (`sessionsPerPrincipal` sessions per subject, `sessionsPerAccount` in all): first forgets
 * credentials that expired more than {@link EXPIRED_SESSION_RETENTION_MS} ago; if a bound is
 * still reached, forgets the expired ones it counts (the subject's, or the whole account's).
 * Live credentials are never dropped: when they alone fill a bound, the error says which one, and
 * the caller refuses the new session.
 */
export function makeRoomForSession(state: EmulatorState, subject: SessionSubject): Result<void, SessionBoundHit> {
  dropExpiredSessions(state)
  const { sessionsPerPrincipal, sessionsPerAccount } = state.limits
  const key = subjectKey(subject)
  if (countFor(state, key) >= sessionsPerPrincipal) {
    dropExpiredSessions(state, 0, subject)
    if (countFor(state, key) >= sessionsPerPrincipal)
      return err({ bound: 'sessionsPerPrincipal', limit: sessionsPerPrincipal })
  }
  if (state.sessions.size >= sessionsPerAccount) {
    dropExpiredSessions(state, 0)
    if (state.sessions.size >= sessionsPerAccount)
      return err({ bound: 'sessionsPerAccount', limit: sessionsPerAccount })
  }
  return ok(undefined)
}
