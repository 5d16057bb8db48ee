import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_EC, renderInApp, setupI18n } from '../../test/render'
import { AssignDialog } from './assign-dialog'
import { EQUIPMENT_ID, PROJECT_ID, equipmentFixture, projectFixture } from './fixtures.testing'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('AssignDialog', () => {
  it('asks for the item and the rate, sends the parsed assignment, shows a 400 under the start', async () => {
    let answer = fieldError('operationStart', 'El equipo ya está asignado en esa fecha')
    const calls = stubFetch((c) =>
      c.method === 'POST' ? answer : ok({ items: [equipmentFixture()], total: 1 }),
    )
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <AssignDialog project={projectFixture()} assignments={[]} onClose={onClose} />
      </ToastProvider>,
      { org: ES_EC },
    )
    const user = userEvent.setup()
    await screen.findByRole('option', { name: /PSL-BT-111/ })
    await user.click(screen.getByTestId('assign-submit'))
    await waitFor(() => expect(screen.getAllByText('Este campo es obligatorio')).toHaveLength(2))
    expect(screen.getByTestId('assign-item').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('assign-rate').getAttribute('aria-invalid')).toBe('true')
    expect(sent(calls)).toHaveLength(0)

    await user.selectOptions(screen.getByTestId('assign-item'), EQUIPMENT_ID)
    await user.type(screen.getByTestId('assign-rate'), '18,5')
    await user.click(screen.getByTestId('assign-submit'))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/projects/${PROJECT_ID}/assignments`,
      body: {
        equipmentId: EQUIPMENT_ID,
        dailyRate: '18.5',
        frequency: 'daily',
        operationStart: '2026-01-05',
        operationEnd: null,
        description: null,
        linkedEquipmentId: null,
      },
    })
    expect(await screen.findByText('El equipo ya está asignado en esa fecha')).toBeTruthy()
    expect(screen.getByTestId('assign-start').getAttribute('aria-invalid')).toBe('true')

    answer = ok({ equipment: { code: 'PSL-BT-111' } })
    await user.click(screen.getByTestId('assign-submit'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
