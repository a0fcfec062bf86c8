import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { usePolling } from './usePolling'

describe('usePolling', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function host(active: { value: boolean }, tick: () => void) {
    return mount(
      defineComponent({
        setup() {
          usePolling(tick, () => active.value, 1000)
          return () => h('div')
        },
      }),
    )
  }

  it('ticks while active, stops when no longer active', async () => {
    const active = ref(true)
    const tick = vi.fn()
    host(active, tick)
    vi.advanceTimersByTime(3000)
    expect(tick).toHaveBeenCalledTimes(3)

    active.value = false
    await nextTick()
    vi.advanceTimersByTime(5000)
    expect(tick).toHaveBeenCalledTimes(3)

    active.value = true
    await nextTick()
    vi.advanceTimersByTime(1000)
    expect(tick).toHaveBeenCalledTimes(4)
  })

  it('stops when the component goes away', () => {
    const tick = vi.fn()
    const wrapper = host(ref(true), tick)
    wrapper.unmount()
    vi.advanceTimersByTime(5000)
    expect(tick).not.toHaveBeenCalled()
  })
})
