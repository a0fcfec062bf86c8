/** Every feature folder's `feature.ts`, collected at build time, and what the app composes from them. */
import type { Feature, MenuEntry } from '../shared/feature'

const modules = import.meta.glob<{ default: Feature }>('./*/feature.ts', { eager: true })

export const FEATURES: readonly Feature[] = Object.values(modules).map((m) => m.default)

export const MENU: readonly MenuEntry[] = FEATURES.flatMap((f) => f.menu ?? []).sort((a, b) => a.order - b.order)
