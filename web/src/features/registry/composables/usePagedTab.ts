/** A tab's list over a Relay connection: its answers feed the pager (total, cursors), its nodes are the rows. */
import { computed, watch, type Ref } from 'vue'
import type { useCursorPagination } from '@/shared/composables/useCursorPagination'

export interface ConnectionLike<Node> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
  nodes: Node[]
}

export function followConnection<Node>(
  pages: ReturnType<typeof useCursorPagination>,
  connection: Ref<ConnectionLike<Node> | null | undefined>,
) {
  watch(connection, (c) => c && pages.received(c.totalCount, c.pageInfo.endCursor, c.pageInfo.hasNextPage))
  return computed(() => connection.value?.nodes ?? [])
}
