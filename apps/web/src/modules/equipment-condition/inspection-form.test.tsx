import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { InspectionForm } from './inspection-form'

const UNIT = '80000000-0000-4000-8000-000000000001'
const ITEMS = [
  { id: '80000000-0000-4000-8000-000000000011', label: 'Tapa', position: 1 },
  { id: '80000000-0000-4000-8000-000000000012', label: 'Válvula', position: 2 },
  { id: '80000000-0000-4000-8000-000000000013', label: 'Escalera', position: 3 },
]

beforeAll(async () => {
  await setupI18n('es', ['equipment-condition'])
})
afterEach(() => vi.unstubAllGlobals())

describe('InspectionForm', () => {
  it('checks the date, sends only the answered items, shows a 400 on its row', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? fieldError('answers.1.condition', 'Falta el estado') : ok({ items: [] }),
    )
    const onDone = vi.fn()
    await renderInApp(
      <ToastProvider>
        <InspectionForm equipmentId={UNIT} code="PSL-TQ-702" items={ITEMS} onDone={onDone} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const date = screen.getByLabelText(/^Fecha/)
    await user.clear(date)
    await user.click(screen.getByRole('button', { name: 'Guardar inspección' }))
    await waitFor(() => expect(errorOf(date)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.type(date, '2026-05-04')
    await user.type(screen.getByLabelText(/Nombre del inspector/), 'Luis Andrade')
    const rows = screen.getAllByTestId('inspection-row')
    await user.click(within(rows[0]!).getByRole('radio', { name: 'Sí' }))
    await user.click(within(rows[0]!).getByRole('radio', { name: 'Dañado' }))
    await user.type(within(rows[0]!).getByRole('textbox'), 'Tapa rota')
    await user.click(within(rows[2]!).getByRole('radio', { name: 'No' }))
    await user.click(screen.getByRole('button', { name: 'Guardar inspección' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/equipment/${UNIT}/inspections`,
      body: {
        inspectedOn: '2026-05-04',
        technicianId: null,
        inspectorName: 'Luis Andrade',
        notes: null,
        answers: [
          { itemId: ITEMS[0]!.id, present: true, condition: 'damaged', notes: 'Tapa rota' },
          { itemId: ITEMS[2]!.id, present: false, condition: null, notes: null },
        ],
      },
    })
    // the server's second sent answer is the third item's row
    await waitFor(() => expect(within(rows[2]!).getByText('Falta el estado')).toBeTruthy())
    expect(within(rows[1]!).queryByText('Falta el estado')).toBeNull()
    expect(onDone).not.toHaveBeenCalled()
  })
})
