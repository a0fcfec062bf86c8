/** True on a phone-width screen (the portal's 375 px and the console's small windows). */
import { onScopeDispose, ref } from 'vue'

export function useNarrow(maxWidth = 768) {
  const query = globalThis.matchMedia?.(`(max-width: ${maxWidth}px)`)
  const narrow = ref(query?.matches ?? false)
  const follow = (event: MediaQueryListEvent) => (narrow.value = event.matches)
  query?.addEventListener('change', follow)
  onScopeDispose(() => query?.removeEventListener('change', follow))
  return narrow
}
