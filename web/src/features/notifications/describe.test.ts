import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '@/shared/i18n/zh-CN'
import en from '@/shared/i18n/en'
import messages from './messages'
import { notificationText, subjectRoute, type NotificationLike } from './describe'

const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, ...messages['zh-CN'] }, en: { ...en, ...messages.en } },
})
const { t, te } = i18n.global
const say = (n: NotificationLike) => notificationText(n, (k, p) => t(k, p ?? {}), (k) => te(k))

describe('notification text', () => {
  it('says what happened to a ticket, with its status in words', () => {
    const text = say({ kind: 'TICKET_TRANSITIONED', data: { title: '停电', to: 'RESOLVED', from: 'IN_PROGRESS' } })
    expect(text).toEqual({ title: '诉求「停电」：已办结', detail: null })
  })

  it('gives a fund decision with its reason', () => {
    const text = say({ kind: 'FUNDS_APPLICATION', data: { status: 'RETURNED_FOR_CHANGES', reason: '缺少成立批复' } })
    expect(text).toEqual({ title: '经费申请：退回修改', detail: '理由：缺少成立批复' })
  })

  it('names a granted role in words', () => {
    expect(say({ kind: 'MEMBERSHIP_GRANTED', data: { role: 'AUDITOR' } }).title).toBe('您获得了新角色：审计')
  })

  it('falls back to a plain notice for a kind it does not know, and to the raw value of an unknown status', () => {
    expect(say({ kind: 'SOMETHING_NEW', data: null }).title).toBe('系统通知')
    expect(say({ kind: 'TICKET_TRANSITIONED', data: { title: 'x', to: 'LATER' } }).title).toBe('诉求「x」：LATER')
  })

  it('speaks English when asked', () => {
    i18n.global.locale.value = 'en'
    try {
      expect(say({ kind: 'TICKET_REMINDED', data: { title: 'Power cut', count: 2 } }).title).toBe('Problem “Power cut” was chased (time 2)')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})

describe('notification links', () => {
  const all = () => true
  const none = () => false

  it('lead to the subject by the route names of the URL contract', () => {
    expect(subjectRoute({ kind: 'TICKET_CREATED', data: {}, subject: { type: 'TICKET', id: 'VDox' } }, all)).toEqual({
      name: 'ticket',
      params: { id: 'VDox' },
    })
    expect(subjectRoute({ kind: 'X', data: {}, subject: { type: 'PAYMENT_BATCH', id: 'QjE' } }, all)).toEqual({
      name: 'fund-batch',
      params: { id: 'QjE' },
    })
    expect(subjectRoute({ kind: 'HOLIDAY_CALENDAR_NEXT_YEAR_MISSING', data: { year: 2027 } }, all)).toEqual({ name: 'platform-calendar' })
  })

  it('open the list of applications where no application page exists', () => {
    const onlyList = (name: string) => name === 'fund-applications'
    const n: NotificationLike = { kind: 'FUNDS_APPLICATION', data: {}, subject: { type: 'FUND_APPLICATION', id: 'RkE' } }
    expect(subjectRoute(n, all)).toEqual({ name: 'fund-application', params: { id: 'RkE' } })
    expect(subjectRoute(n, onlyList)).toEqual({ name: 'fund-applications' })
  })

  it('lead nowhere without a screen for the subject', () => {
    expect(subjectRoute({ kind: 'TICKET_CREATED', data: {}, subject: { type: 'TICKET', id: 'VDox' } }, none)).toBeNull()
    expect(subjectRoute({ kind: 'MEMBERSHIP_GRANTED', data: {}, subject: { type: 'MEMBERSHIP', id: 'TTox' } }, all)).toBeNull()
  })
})
