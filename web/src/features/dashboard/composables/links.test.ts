import { describe, expect, it } from 'vitest'
import { enterprisesLink, fundApplicationsLink, lastDays, percent, reachable, ticketsLink } from './links'
import { dashboardReach } from './useDashboardScope'

describe('dashboard links follow the shared URL contract', () => {
  it('tickets: statuses joined by commas, overdue=yes, the chain', () => {
    expect(ticketsLink({ statuses: ['NEW', 'IN_PROGRESS'] })).toEqual({ name: 'tickets', query: { status: 'NEW,IN_PROGRESS' } })
    expect(ticketsLink({ overdue: true }, 'Q2hhaW46MQ==')).toEqual({ name: 'tickets', query: { overdue: 'yes', chain: 'Q2hhaW46MQ==' } })
  })

  it('fund applications by status or program', () => {
    expect(fundApplicationsLink({ status: 'SUBMITTED' })).toEqual({ name: 'fund-applications', query: { status: 'SUBMITTED' } })
    expect(fundApplicationsLink({ programId: 'p1' })).toEqual({ name: 'fund-applications', query: { program: 'p1' } })
  })

  it('enterprises: yes/no flags and the chain', () => {
    expect(enterprisesLink({ chainId: 'c1', key: true, covered: false })).toEqual({
      name: 'enterprises',
      query: { chain: 'c1', key: 'yes', covered: 'no' },
    })
    expect(enterprisesLink({ chainId: null })).toEqual({ name: 'enterprises', query: {} })
  })

  it('links only to routes this build has', () => {
    const router = { hasRoute: (name: string | symbol) => name === 'enterprises' }
    expect(reachable(router, enterprisesLink({}))).toEqual({ name: 'enterprises', query: {} })
    expect(reachable(router, ticketsLink({ overdue: true }))).toBeNull()
  })
})

describe('figures', () => {
  it('shares as percentages, nothing measured as a dash', () => {
    expect(percent(0.8754)).toBe('87.5%')
    expect(percent(0)).toBe('0.0%')
    expect(percent(null)).toBe('—')
  })

  it('the last N days end today in Asia/Shanghai, whatever the browser zone', () => {
    // 2026-12-01 17:00 UTC is already 2 December in Changsha.
    expect(lastDays(90, new Date('2026-12-01T17:00:00Z'))).toEqual({ start: '2026-09-04', end: '2026-12-02' })
  })

  it('park-wide staff see the park, chain staff their chain, others neither', () => {
    expect(dashboardReach(['PARK_ADMIN'])).toBe('park')
    expect(dashboardReach(['CHAIN_STAFF', 'AUDITOR'])).toBe('park')
    expect(dashboardReach(['CHAIN_STAFF'])).toBe('chain')
    expect(dashboardReach(['LIAISON_OFFICER'])).toBe('none')
  })
})
