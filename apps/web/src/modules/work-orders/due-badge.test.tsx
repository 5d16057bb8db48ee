import { cleanup, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TWorkOrderSummary } from '@faena/contracts'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { DueBadge } from './ui'

type Due = Pick<TWorkOrderSummary, 'remainingDays' | 'dueBand' | 'familyEnd'>

/** The badge of the work-order list and detail (docs/work-orders.md#due-bands). */
const badge = async (w: Due) => {
  cleanup() // one badge on the page at a time
  const { container } = await renderInApp(<DueBadge w={w} />, { org: ES_MX })
  const el = container.querySelector('.ot-due')
  return {
    text: (el ?? screen.getByTestId('test-page')).textContent,
    band: el?.getAttribute('data-due-band') ?? null,
    className: el?.className ?? '',
    title: el?.getAttribute('title') ?? null,
  }
}

describe('DueBadge', () => {
  it('says the days left in Spanish, coloured by band, with the family end as its title', async () => {
    await setupI18n('es', ['work-orders'])
    const overdue = await badge({ remainingDays: -3, dueBand: 'overdue', familyEnd: '2026-03-06' })
    expect(overdue).toMatchObject({ text: 'Vencida hace 3 días', band: 'overdue' })
    expect(overdue.className).toContain('ot-due--overdue')
    expect(overdue.title).toBe('Término de la familia: 06/03/2026')
    expect(await badge({ remainingDays: -1, dueBand: 'overdue', familyEnd: '2026-03-08' })).toMatchObject({
      text: 'Vencida hace 1 día',
    })
    expect(await badge({ remainingDays: 0, dueBand: 'urgent', familyEnd: '2026-03-09' })).toMatchObject({
      text: 'Vence hoy',
      band: 'urgent',
    })
    const soon = await badge({ remainingDays: 10, dueBand: 'soon', familyEnd: '2026-03-19' })
    expect(soon).toMatchObject({ text: 'Quedan 10 días', band: 'soon' })
    expect(soon.className).toContain('ot-due--soon')
    const far = await badge({ remainingDays: 40, dueBand: null, familyEnd: '2026-04-18' })
    expect(far).toMatchObject({ text: 'Quedan 40 días', band: 'none' })
    expect(far.className).toContain('badge--neutral')
  })

  it('in English too', async () => {
    await setupI18n('en', ['work-orders'])
    expect((await badge({ remainingDays: -2, dueBand: 'overdue', familyEnd: '2026-03-07' })).text).toBe(
      '2 days overdue',
    )
    expect((await badge({ remainingDays: 1, dueBand: 'urgent', familyEnd: '2026-03-10' })).text).toBe(
      '1 day left',
    )
    expect((await badge({ remainingDays: 0, dueBand: 'urgent', familyEnd: '2026-03-09' })).text).toBe(
      'Due today',
    )
  })

  it('is a dash without a countdown (finished, cancelled or no end)', async () => {
    await setupI18n('es', ['work-orders'])
    const none = await badge({ remainingDays: null, dueBand: null, familyEnd: '2026-03-01' })
    expect(none).toMatchObject({ text: '—', band: null })
  })
})
