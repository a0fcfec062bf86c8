/**
 * What a feature folder contributes to the app, in its `feature.ts`: its screens inside the console's
 * frame, any screens with a frame of their own (the portal), its side-menu entries and its words.
 * `src/features/index.ts` collects them; nothing else needs editing to add a screen.
 */
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { Requirement } from './permissions'

export interface MenuEntry {
  /** Route name. */
  name: string
  /** i18n key of its label. */
  label: string
  icon: Component
  permission: Requirement
  /** Place in the side menu, smallest first (the dashboard is 0). */
  order: number
  /** Any one of the permissions suffices (`permission` lists the alternatives). */
  any?: boolean
  /** Only for platform admins (see shared/access.ts). */
  platformAdmin?: boolean
}

/** Messages under the feature's own top-level keys, the English ones shaped like the Chinese. */
export interface FeatureMessages {
  'zh-CN': Record<string, unknown>
  en: Record<string, unknown>
}

export interface Feature {
  /** Screens inside the console frame (children of `/`). */
  routes?: RouteRecordRaw[]
  /** Screens with their own frame, at the top level. */
  rootRoutes?: RouteRecordRaw[]
  menu?: MenuEntry[]
  messages?: FeatureMessages
}
