import { describe, expect, it } from 'vitest'
import { useCursorPagination } from './useCursorPagination'

describe('useCursorPagination', () => {
  it('starts on page one without a cursor', () => {
    const pages = useCursorPagination(20)

    expect(pages.variables.value).toEqual({ first: 20, after: null })
    expect(pages.canPrev.value).toBe(false)
    expect(pages.canNext.value).toBe(false)
  })

  it('steps forward by the end cursor and back by the cursors it kept', () => {
    const pages = useCursorPagination(20)
    pages.received(45, 'c20', true)

    expect(pages.pageCount.value).toBe(3)
    pages.next()
    expect(pages.variables.value).toEqual({ first: 20, after: 'c20' })

    pages.received(45, 'c40', true)
    pages.next()
    expect(pages.page.value).toBe(3)
    expect(pages.after.value).toBe('c40')

    pages.received(45, 'c45', false)
    expect(pages.canNext.value).toBe(false)
    pages.next()
    expect(pages.page.value).toBe(3)

    pages.prev()
    pages.prev()
    expect(pages.page.value).toBe(1)
    expect(pages.after.value).toBeNull()
  })

  it('forgets cursors beyond a page whose answer changed', () => {
    const pages = useCursorPagination(20)
    pages.received(60, 'c20', true)
    pages.next()
    pages.received(60, 'c40', true)
    pages.prev()

    // Rows were archived meanwhile: page 1 now ends elsewhere, the old page-2 cursor must not be reused.
    pages.received(30, 'c20b', true)

    pages.next()
    expect(pages.after.value).toBe('c20b')
    expect(pages.canNext.value).toBe(false)
  })

  it('goes back to page one with new filters or a new page size', () => {
    const pages = useCursorPagination(20)
    pages.received(100, 'c20', true)
    pages.next()

    pages.reset(50)

    expect(pages.page.value).toBe(1)
    expect(pages.variables.value).toEqual({ first: 50, after: null })
    expect(pages.pageCount.value).toBe(2)
  })

  it('counts one page for an empty list', () => {
    const pages = useCursorPagination(20)
    pages.received(0, null, false)
    expect(pages.pageCount.value).toBe(1)
  })
})
