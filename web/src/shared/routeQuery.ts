/** Reading list filters back from the route query (the URL contract in links.md): one value per key. */
import type { LocationQuery } from 'vue-router'

/** The key's value, or '' when it is absent or repeated. */
export function queryText(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

/** The key's value when it is one of `allowed`, else `fallback` (a hand-edited URL cannot set junk). */
export function queryChoice<T extends string>(query: LocationQuery, key: string, allowed: readonly T[], fallback: T): T {
  const value = queryText(query, key)
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback
}

/** The filters as a route query, leaving out empty values so URLs stay short. */
export function compactQuery(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]))
}
