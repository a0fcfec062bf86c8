import { describe, expect, it } from 'vitest'
import { batchSettled, reviewStageOf, settledPercent, statusTone } from './fundRules'

const progress = { scheduled: 0, paying: 0, paid: 0, failed: 0, cancelled: 0, clawedBack: 0 }

describe('reviewStageOf', () => {
  it('gives chain staff the chain review and the park admin the park approval', () => {
    expect(reviewStageOf(['FUNDS_READ', 'FUNDS_REVIEW'])).toBe('CHAIN')
    expect(reviewStageOf(['FUNDS_READ', 'FUNDS_APPROVE'])).toBe('PARK')
  })
  it('gives finance, auditors and contacts no stage', () => {
    expect(reviewStageOf(['FUNDS_READ', 'FUNDS_DISBURSE', 'FUNDS_REPORT'])).toBeNull()
    expect(reviewStageOf([])).toBeNull()
  })
})

describe('batch progress', () => {
  it('is settled only when nothing is scheduled or paying', () => {
    expect(batchSettled({ ...progress, paying: 1 })).toBe(false)
    expect(batchSettled({ ...progress, scheduled: 2 })).toBe(false)
    expect(batchSettled({ scheduled: 0, paying: 0 })).toBe(true)
  })
  it('counts every final answer in the percentage', () => {
    expect(settledPercent({ ...progress, paid: 1, paying: 2 }, 3)).toBe(33)
    expect(settledPercent({ ...progress, paid: 2, failed: 1 }, 3)).toBe(100)
    expect(settledPercent(progress, 0)).toBe(100)
  })
})

describe('statusTone', () => {
  it('marks failures red and payments green', () => {
    expect(statusTone('FAILED')).toBe('danger')
    expect(statusTone('REJECTED')).toBe('danger')
    expect(statusTone('PAID')).toBe('success')
    expect(statusTone('RETURNED_FOR_CHANGES')).toBe('warning')
  })
})
