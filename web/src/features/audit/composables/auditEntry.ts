/** Reading an audit entry as a person would: what was done to what, and which fields changed how. */
import type { JsonValue } from '@/shared/graphql/scalars'
import { formatDateTime } from '@/shared/format'

export interface FieldChange {
  field: string
  before: string
  after: string
  changed: boolean
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** A recorded value in words: instants in park time, lists joined, nothing as a dash. */
export function describeValue(value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return INSTANT.test(value) ? formatDateTime(value) : value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? '✓' : '✗'
  if (Array.isArray(value)) return value.length ? value.map((v) => describeValue(v)).join('、') : '—'
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${describeValue(v)}`)
    .join('; ')
}

function asObject(value: JsonValue | null | undefined): Record<string, JsonValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/** Every field of either side, in the order recorded; `changed` when the two sides differ. */
export function fieldChanges(before: JsonValue | null | undefined, after: JsonValue | null | undefined): FieldChange[] {
  const b = asObject(before)
  const a = asObject(after)
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return fields.map((field) => ({
    field,
    before: field in b ? describeValue(b[field]) : '—',
    after: field in a ? describeValue(a[field]) : '—',
    changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null),
  }))
}

/** "security.role_grant" → a security event; "enterprise.update" → subject "enterprise", verb "update". */
export function actionParts(action: string): { security: boolean; subject: string; verb: string } {
  const dot = action.indexOf('.')
  const subject = dot < 0 ? '' : action.slice(0, dot)
  const verb = dot < 0 ? action : action.slice(dot + 1)
  return { security: subject === 'security', subject, verb }
}
