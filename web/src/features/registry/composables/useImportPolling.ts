/** Follows an import until the worker has finished it: asks again every `everyMs` while it runs. */
import { useQuery } from '@urql/vue'
import { computed, onScopeDispose, watch, type Ref } from 'vue'
import { RegistryImportDocument } from '../documents'
import { importFinished } from './importProgress'

export function useImportPolling(importId: Ref<string | null>, everyMs = 1000) {
  const query = useQuery({
    query: RegistryImportDocument,
    variables: computed(() => ({ id: importId.value ?? '' })),
    pause: computed(() => !importId.value),
    requestPolicy: 'network-only',
  })
  const current = computed(() => query.data.value?.registryImport ?? null)
  let timer: ReturnType<typeof setTimeout> | undefined

  // A new answer that is not final schedules the next one; an error stops until the person retries.
  watch(
    () => [current.value?.status, current.value?.doneRows, query.fetching.value] as const,
    ([status, , fetching]) => {
      clearTimeout(timer)
      if (!importId.value || fetching || query.error.value || !status || importFinished(status)) return
      timer = setTimeout(() => query.executeQuery({ requestPolicy: 'network-only' }), everyMs)
    },
  )
  onScopeDispose(() => clearTimeout(timer))

  return {
    current,
    fetching: query.fetching,
    error: query.error,
    retry: () => query.executeQuery({ requestPolicy: 'network-only' }),
  }
}
