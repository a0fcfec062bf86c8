import { describe, expect, it } from 'vitest'
import { importFinished, importOutcome, importPercent } from './importProgress'

describe('import progress', () => {
  it('counts rows done of the total while running', () => {
    expect(importPercent({ status: 'RUNNING', totalRows: 3, doneRows: 1 })).toBe(33)
    expect(importPercent({ status: 'PENDING', totalRows: 0, doneRows: 0 })).toBe(0)
  })

  it('is complete once finished, whatever the counts', () => {
    expect(importPercent({ status: 'FAILED', totalRows: 0, doneRows: 0 })).toBe(100)
    expect(importFinished('DONE')).toBe(true)
    expect(importFinished('RUNNING')).toBe(false)
  })

  it('tells a clean import from one with error rows and a failed file', () => {
    const done = { status: 'DONE', totalRows: 5, doneRows: 5 } as const
    expect(importOutcome({ ...done, errorRows: 0 })).toBe('clean')
    expect(importOutcome({ ...done, errorRows: 2 })).toBe('withErrors')
    expect(importOutcome({ ...done, status: 'FAILED', errorRows: 1 })).toBe('failed')
    expect(importOutcome({ ...done, status: 'PENDING', errorRows: 0 })).toBe('waiting')
  })
})
