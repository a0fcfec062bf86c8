import { mount } from '@vue/test-utils'
import { defineComponent, nextTick, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import type { ApiScope } from './graphql/generated/graphql'
import { allows, canDirective } from './permissions'

describe('allows', () => {
  const granted: ApiScope[] = ['REGISTRY_READ', 'TICKETS_READ']

  it('needs every permission by default', () => {
    expect(allows(granted, 'REGISTRY_READ')).toBe(true)
    expect(allows(granted, ['REGISTRY_READ', 'TICKETS_READ'])).toBe(true)
    expect(allows(granted, ['REGISTRY_READ', 'REGISTRY_MANAGE'])).toBe(false)
  })

  it('needs one of them with any', () => {
    expect(allows(granted, ['REGISTRY_MANAGE', 'TICKETS_READ'], 'any')).toBe(true)
    expect(allows(granted, ['REGISTRY_MANAGE', 'FUNDS_APPROVE'], 'any')).toBe(false)
  })

  it('refuses everything to a viewer without permissions', () => {
    expect(allows([], 'REGISTRY_READ')).toBe(false)
    expect(allows([], ['REGISTRY_READ'], 'any')).toBe(false)
  })

  it('treats an empty requirement as met', () => {
    expect(allows([], [])).toBe(true)
  })
})

describe('v-can', () => {
  it('hides what the permissions do not allow and follows them when they change', async () => {
    const granted = ref<ApiScope[]>(['REGISTRY_READ'])
    const Buttons = defineComponent({
      directives: { can: canDirective(() => granted.value) },
      setup: () => ({ granted }),
      template: `
        <div>
          <button data-test="read" v-can="'REGISTRY_READ'">read</button>
          <button data-test="manage" v-can="'REGISTRY_MANAGE'">manage</button>
          <button data-test="either" v-can:any="['REGISTRY_MANAGE', 'REGISTRY_READ']">either</button>
          <span>{{ granted.length }}</span>
        </div>`,
    })

    const wrapper = mount(Buttons)
    const hidden = (name: string) => wrapper.get<HTMLButtonElement>(`[data-test=${name}]`).element.hidden

    expect(hidden('read')).toBe(false)
    expect(hidden('manage')).toBe(true)
    expect(hidden('either')).toBe(false)

    granted.value = ['REGISTRY_MANAGE']
    await nextTick()

    expect(hidden('read')).toBe(true)
    expect(hidden('manage')).toBe(false)
  })
})
