/** What the app shows follows `me.permissions` (the API still refuses what they do not allow). */
import type { Directive } from 'vue'
import type { ApiScope } from './graphql/generated/graphql'

export type Requirement = ApiScope | readonly ApiScope[]

/** All of the required permissions, or with `any` one of them; an empty requirement is always met. */
export function allows(granted: readonly ApiScope[], required: Requirement, mode: 'all' | 'any' = 'all'): boolean {
  const needed: readonly ApiScope[] = typeof required === 'string' ? [required] : required
  if (needed.length === 0) return true
  return mode === 'all' ? needed.every((p) => granted.includes(p)) : needed.some((p) => granted.includes(p))
}

/** `v-can="'REGISTRY_MANAGE'"` or `v-can:any="['FUNDS_REVIEW', 'FUNDS_APPROVE']"`: hidden unless allowed. */
export function canDirective(granted: () => readonly ApiScope[]): Directive<HTMLElement, Requirement> {
  const apply = (el: HTMLElement, required: Requirement, arg: string | undefined) => {
    el.hidden = !allows(granted(), required, arg === 'any' ? 'any' : 'all')
  }
  return {
    mounted: (el, binding) => apply(el, binding.value, binding.arg),
    updated: (el, binding) => apply(el, binding.value, binding.arg),
  }
}
