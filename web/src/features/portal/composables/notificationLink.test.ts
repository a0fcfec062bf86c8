import { describe, expect, it } from 'vitest'
import { describeNotification, globalId } from './notificationLink'

const word = (scope: string, status: string) => `${scope}:${status}`

describe('portal notifications', () => {
  it('encodes global IDs as the API does (URL-safe base64, no padding)', () => {
    expect(globalId('Ticket', '0b3c1d7e-8f4a-4d2b-9c6e-1a2b3c4d5e6f')).toBe(
      'VGlja2V0OjBiM2MxZDdlLThmNGEtNGQyYi05YzZlLTFhMmIzYzRkNWU2Zg',
    )
  })

  it('opens the application or the ticket a notification is about', () => {
    const fund = describeNotification('FUNDS_APPLICATION', { application_id: 'u1', status: 'RETURNED_FOR_CHANGES', reason: '补材料' }, word)
    expect(fund.values).toEqual({ status: 'fund:RETURNED_FOR_CHANGES', reason: '补材料' })
    expect(fund.to).toEqual({ name: 'portal-fund', params: { id: globalId('FundApplication', 'u1') } })
    const ticket = describeNotification('TICKET_TRANSITIONED', { ticket_id: 'u2', title: '用电', to: 'RESOLVED' }, word)
    expect(ticket.key).toBe('portal.notifications.ticketStatus')
    expect(ticket.to).toEqual({ name: 'portal-ticket', params: { id: globalId('Ticket', 'u2') } })
    expect(describeNotification('TICKET_REPLIED', { ticket_id: 'u2', title: '用电' }, word).key).toBe('portal.notifications.ticket')
  })

  it('shows anything else without a link', () => {
    expect(describeNotification('MEMBERSHIP_GRANTED', {}, word).to).toBeNull()
  })
})
