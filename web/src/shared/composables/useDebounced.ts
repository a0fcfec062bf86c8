/** A value that follows its source once the source has been still for `ms` (search as you type). */
import { onScopeDispose, ref, watch, type Ref } from 'vue'

export function useDebounced<T>(source: () => T, ms: number): Readonly<Ref<T>> {
  const value = ref(source()) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(source, (next) => {
    clearTimeout(timer)
    timer = setTimeout(() => (value.value = next), ms)
  })
  onScopeDispose(() => clearTimeout(timer))
  return value
}
