import { describe, expect, it } from 'vitest'
import { eventPhrase } from './timeline'

describe('eventPhrase', () => {
  it('names the statuses of a status change', () => {
    expect(eventPhrase('STATUS_CHANGED', { from: 'NEW', to: 'ACCEPTED', action: 'ACCEPT' })).toEqual({
      key: 'ticket.eventDetail.statusChange',
      statuses: { from: 'NEW', to: 'ACCEPTED' },
    })
  })

  it('tells an assignment from a return to the queue', () => {
    expect(eventPhrase('ASSIGNED', { assignee_id: 'u1', chain_id: 'c1' })?.key).toBe('ticket.eventDetail.assigned')
    expect(eventPhrase('ASSIGNED', { assignee_id: null, chain_id: 'c1' })?.key).toBe('ticket.eventDetail.backToQueue')
  })

  it('reads the extension and escalation details, and ignores what it does not know', () => {
    expect(eventPhrase('EXTENSION_REQUESTED', { extra_hours: 8 })).toEqual({ key: 'ticket.eventDetail.extraHours', params: { n: 8 } })
    expect(eventPhrase('EXTENSION_DECIDED', { approved: false })?.key).toBe('ticket.eventDetail.refused')
    expect(eventPhrase('ESCALATED', { level: 2 })).toEqual({ key: 'ticket.eventDetail.level', params: { n: 2 } })
    expect(eventPhrase('STATUS_CHANGED', 'odd')).toBeNull()
    expect(eventPhrase('PUBLIC_REPLY', {})).toBeNull()
  })
})
