import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_EC, renderInApp, setupI18n } from '../../test/render'
import { EditAssignmentDialog } from './edit-assignment-dialog'
import { ASSIGNMENT_ID, assignmentFixture } from './fixtures.testing'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('EditAssignmentDialog', () => {
  it('asks for the days of a weekly frequency, sends the parsed change, shows a 400 under the rate', async () => {
    let answer = fieldError('dailyRate', 'La tarifa no puede cambiar en un periodo liquidado')
    const calls = stubFetch((c) => (c.method === 'PATCH' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <EditAssignmentDialog assignment={assignmentFixture()} onClose={onClose} />
      </ToastProvider>,
      { org: ES_EC },
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Días de la semana' }))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Este campo es obligatorio')).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'lunes' }))
    const rate = screen.getByLabelText(/Tarifa diaria/, { selector: 'input' })
    await user.clear(rate)
    await user.type(rate, '20,5')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/assignments/${ASSIGNMENT_ID}`,
      body: {
        dailyRate: '20.5',
        frequency: 'weekdays',
        weekdays: [0],
        operationStart: '2026-01-05',
        operationEnd: null,
        description: 'ALQUILER / PSL-BT-111 / BATERÍA SANITARIA',
      },
    })
    expect(sent(calls)[0]!.body).not.toHaveProperty('rateEffectiveFrom')
    expect(await screen.findByText('La tarifa no puede cambiar en un periodo liquidado')).toBeTruthy()
    expect(rate.getAttribute('aria-invalid')).toBe('true')

    answer = ok(assignmentFixture())
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
