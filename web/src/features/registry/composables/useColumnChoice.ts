/** Which columns of a table a person shows, remembered in this browser per user and per table. */
import { computed, ref, watch, type Ref } from 'vue'

export interface ColumnOption {
  key: string
  /** i18n key of its header. */
  label: string
  /** Always shown (the column that links to the row); not offered for hiding. */
  fixed?: boolean
}

export function columnStorageKey(table: string, userId: string | null | undefined): string {
  return `redchain.columns.${table}.${userId ?? 'anonymous'}`
}

function stored(key: string, allowed: ReadonlySet<string>): string[] | null {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && allowed.has(v)) : null
  } catch {
    return null
  }
}

export function useColumnChoice(table: string, columns: readonly ColumnOption[], userId: Ref<string | null | undefined>) {
  const allowed = new Set(columns.map((c) => c.key))
  const defaults = columns.map((c) => c.key)
  const chosen = ref<string[]>(defaults)

  // A new user (or a switch of user in this tab) reads its own choice; a column added later shows by default
  // only for people who never chose, so a choice once made is kept.
  watch(
    () => columnStorageKey(table, userId.value),
    (key) => (chosen.value = stored(key, allowed) ?? defaults),
    { immediate: true },
  )

  const fixed = new Set(columns.filter((c) => c.fixed).map((c) => c.key))
  const visible = computed(() => new Set([...fixed, ...chosen.value]))

  return {
    /** The columns a person may hide or show, in table order. */
    optional: columns.filter((c) => !c.fixed),
    chosen: computed(() => columns.filter((c) => !c.fixed && visible.value.has(c.key)).map((c) => c.key)),
    shows: (key: string): boolean => visible.value.has(key),
    choose(keys: readonly string[]): void {
      chosen.value = keys.filter((k) => allowed.has(k))
      globalThis.localStorage?.setItem(columnStorageKey(table, userId.value), JSON.stringify(chosen.value))
    },
    reset(): void {
      chosen.value = defaults
      globalThis.localStorage?.removeItem(columnStorageKey(table, userId.value))
    },
  }
}
