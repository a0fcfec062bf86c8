/** When an idle session is warned about and ended, from the API's idle limit (SESSION_IDLE_MINUTES). */

export interface IdleLimits {
  /** The API ends a session whose refresh token goes unused this long. */
  idleMs: number
  /** How long before the end the warning shows. */
  warnMs: number
}

export type IdlePhase = 'active' | 'warning' | 'expired'

const WARN_MS = 60_000

/** A minute's warning; for a very short limit (a test deployment), the last half of it. */
export function idleLimits(idleMinutes: number): IdleLimits {
  const idleMs = Math.max(1, idleMinutes) * 60_000
  return { idleMs, warnMs: Math.min(WARN_MS, idleMs / 2) }
}

export function idlePhase(now: number, lastActivity: number, limits: IdleLimits): IdlePhase {
  const idle = now - lastActivity
  if (idle >= limits.idleMs) return 'expired'
  return idle >= limits.idleMs - limits.warnMs ? 'warning' : 'active'
}

export function secondsLeft(now: number, lastActivity: number, limits: IdleLimits): number {
  return Math.max(0, Math.ceil((lastActivity + limits.idleMs - now) / 1000))
}

/** An active person keeps the API's session alive: renew once half the limit has passed since the last
 * renewal, so a long form typed without a request in between does not end it. */
export function needsKeepAlive(now: number, lastActivity: number, renewedAt: number, limits: IdleLimits): boolean {
  return idlePhase(now, lastActivity, limits) === 'active' && now - renewedAt >= limits.idleMs / 2
}
