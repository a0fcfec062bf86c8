/** Page numbers over Relay connections: the API pages by cursor (first/after), forward only, so the
 * cursor that opened each visited page is kept to step back; the total comes from totalCount. */
import { computed, ref } from 'vue'

export const PAGE_SIZES = [20, 50, 100] as const

export function useCursorPagination(initialSize: number = PAGE_SIZES[0]) {
  const pageSize = ref(initialSize)
  // cursors[i] opens page i + 1; page 1 starts at the beginning (no cursor).
  const cursors = ref<(string | null)[]>([null])
  const page = ref(1)
  const total = ref(0)

  const after = computed(() => cursors.value[page.value - 1] ?? null)
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize.value)))

  return {
    page,
    pageSize,
    total,
    after,
    pageCount,
    variables: computed(() => ({ first: pageSize.value, after: after.value })),
    /** Record what the current page's answer says about the next one. */
    received(totalCount: number, endCursor: string | null | undefined, hasNextPage: boolean): void {
      total.value = totalCount
      cursors.value = cursors.value.slice(0, page.value)
      if (hasNextPage && endCursor) cursors.value.push(endCursor)
    },
    canNext: computed(() => cursors.value.length > page.value),
    canPrev: computed(() => page.value > 1),
    next(): void {
      if (cursors.value.length > page.value) page.value += 1
    },
    prev(): void {
      if (page.value > 1) page.value -= 1
    },
    /** New filters or page size: back to the first page. */
    reset(size: number = pageSize.value): void {
      pageSize.value = size
      cursors.value = [null]
      page.value = 1
    },
  }
}
