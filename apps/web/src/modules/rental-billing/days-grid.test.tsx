import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { TBillingSheetDetail, TBillingSheetLine } from '@faena/contracts'
import { renderInApp, setupI18n } from '../../test/render'
import { DaysGrid } from './days-grid'

const line = (over: Partial<TBillingSheetLine>): TBillingSheetLine => ({
  id: '10000000-0000-4000-8000-000000000001',
  key: 'rental:eq1',
  kind: 'rental',
  component: 'rental',
  position: 1,
  sourceId: 'eq1',
  equipmentId: '20000000-0000-4000-8000-000000000001',
  equipmentCode: 'PSL-BT-111',
  equipmentName: 'Batería sanitaria',
  description: 'PSL-BT-111 Batería sanitaria',
  unit: 'days',
  quantity: '3',
  unitPrice: '18.50',
  total: '55.50',
  dates: ['2026-01-01', '2026-01-02', '2026-01-03'],
  allowedDates: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'],
  dayEdit: 'none',
  ...over,
})

const sheet = (lines: TBillingSheetLine[]): TBillingSheetDetail =>
  ({
    id: '30000000-0000-4000-8000-000000000001',
    seriesCode: 'PSL-PS-2026-0001',
    status: 'in_progress',
    currency: 'USD',
    periodStart: '2026-01-01',
    periodEnd: '2026-01-05',
    lines,
    removedLines: [],
  }) as unknown as TBillingSheetDetail

const renderGrid = async (onSave = vi.fn()) => {
  const view = await renderInApp(
    <DaysGrid
      sheet={sheet([line({})])}
      editable
      saving={false}
      onSave={onSave}
      onRemove={vi.fn()}
      onResetDays={vi.fn()}
    />,
  )
  return { ...view, onSave }
}

describe('DaysGrid', () => {
  beforeAll(async () => {
    await setupI18n('es', ['rental-billing'])
  })

  it('shows money in the organization convention and day toggles', async () => {
    await renderGrid()
    expect(screen.getByText('$55,50')).toBeTruthy()
    const day4 = screen.getByRole('button', { name: '04/01/2026: no facturado' })
    expect(day4.getAttribute('aria-pressed')).toBe('false')
    expect(screen.getByRole('button', { name: '01/01/2026: facturado' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it('marks toggled days as unsaved and sends them on save', async () => {
    const user = userEvent.setup()
    const { onSave } = await renderGrid()
    await user.click(screen.getByRole('button', { name: '04/01/2026: no facturado' }))
    expect(screen.getByRole('status').textContent).toContain('1 línea con cambios sin guardar')
    await user.click(screen.getByTestId('save-days'))
    expect(onSave).toHaveBeenCalledWith(
      [{ lineId: line({}).id, dates: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'] }],
      expect.any(Function),
    )
  })

  it('moves with the arrow keys and toggles with Space', async () => {
    const user = userEvent.setup()
    await renderGrid()
    const first = screen.getByRole('button', { name: '01/01/2026: facturado' })
    act(() => first.focus())
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-01-02')
    await user.keyboard(' ')
    expect(document.activeElement?.getAttribute('aria-pressed')).toBe('false')
  })

  it('asks before leaving with unsaved days, and stays when the user keeps editing', async () => {
    const user = userEvent.setup()
    const { router, leave } = await renderGrid()
    await user.click(screen.getByRole('button', { name: '05/01/2026: no facturado' }))

    leave() // stays pending while the prompt is open
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Cambios sin guardar')).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Seguir editando' }))
    expect(router.state.location.pathname).toBe('/')
    expect(screen.getByRole('status').textContent).toContain('sin guardar')

    leave() // stays pending while the prompt is open
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Salir sin guardar' }),
    )
    expect(await screen.findByText('elsewhere')).toBeTruthy()
  })

  it('asks the browser before a reload with unsaved days only', async () => {
    const user = userEvent.setup()
    await renderGrid()
    const clean = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(clean)
    expect(clean.defaultPrevented).toBe(false)
    await user.click(screen.getByRole('button', { name: '05/01/2026: no facturado' }))
    const dirty = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(dirty)
    expect(dirty.defaultPrevented).toBe(true)
  })

  it('discards the drafts on request, and then leaves without asking', async () => {
    const user = userEvent.setup()
    const { leave } = await renderGrid()
    await user.click(screen.getByRole('button', { name: '05/01/2026: no facturado' }))
    await user.click(screen.getByRole('button', { name: 'Descartar cambios' }))
    expect(screen.queryByRole('status')).toBeNull()
    act(() => leave())
    expect(await screen.findByText('elsewhere')).toBeTruthy()
  })
})
