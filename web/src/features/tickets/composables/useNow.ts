/** The current time, ticking: countdowns move without a refetch (the server stays the authority on breach). */
import { onScopeDispose, ref } from 'vue'

export function useNow(everyMs = 30_000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), everyMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
