/** What an audit entry changed: the fields whose value differs between its before and after snapshots. */
import type { JsonValue } from '@/shared/graphql/scalars'

export interface FieldChange {
  field: string
  before: JsonValue | undefined
  after: JsonValue | undefined
}

function record(value: JsonValue | null | undefined): Record<string, JsonValue> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonValue>) : {}
}

// Absent, null and blank are the same "nothing" to a reader of the history.
const comparable = (value: JsonValue | undefined): string => (value === undefined || value === null || value === '' ? '' : JSON.stringify(value))

export function changedFields(before: JsonValue | null | undefined, after: JsonValue | null | undefined): FieldChange[] {
  const was = record(before)
  const now = record(after)
  // A creation has no "before": every field it set is listed.
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])]
  return fields
    .filter((field) => comparable(was[field]) !== comparable(now[field]))
    .map((field) => ({ field, before: was[field], after: now[field] }))
}

export function shownValue(value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
