/** Runs `tick` every `intervalMs` while `active()` holds (a batch is paying), and stops on unmount. */
import { onBeforeUnmount, watch } from 'vue'

export function usePolling(tick: () => void, active: () => boolean, intervalMs = 2000): void {
  let timer: ReturnType<typeof setInterval> | null = null
  const stop = () => {
    if (timer !== null) clearInterval(timer)
    timer = null
  }
  watch(
    active,
    (on) => {
      if (on && timer === null) timer = setInterval(tick, intervalMs)
      if (!on) stop()
    },
    { immediate: true },
  )
  onBeforeUnmount(stop)
}
