/** The side menu: each entry shows only to viewers whose permissions allow its screen. */
import { DataAnalysis, OfficeBuilding } from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { Requirement } from './permissions'

export interface MenuEntry {
  /** Route name. */
  name: string
  /** i18n key of its label. */
  label: string
  icon: Component
  permission: Requirement
}

export const MENU: readonly MenuEntry[] = [
  { name: 'dashboard', label: 'nav.home', icon: DataAnalysis, permission: 'REGISTRY_READ' },
  { name: 'enterprises', label: 'nav.enterprises', icon: OfficeBuilding, permission: 'REGISTRY_READ' },
]
