/** Reading list filters from the route query, and writing back only the ones that are set (deep links). */
import type { LocationQuery } from 'vue-router'

export function queryText(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

/** One of `allowed`, or `fallback` for a missing or unknown value. */
export function queryChoice<T extends string>(query: LocationQuery, key: string, allowed: readonly T[], fallback: T): T {
  const value = queryText(query, key)
  return allowed.find((a) => a === value) ?? fallback
}

/** The set values only, so the URL stays short and an empty filter leaves no trace. */
export function compactQuery(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => !!e[1]))
}
