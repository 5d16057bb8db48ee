import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { CreateEstimateDialog } from './create-estimate-dialog'
import { ESTIMATE, WO } from './estimate.testing'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

describe('CreateEstimateDialog', () => {
  it('names the missing family and dates, sends the parsed body, shows a 400 under its field', async () => {
    let answer = fieldError('periodEnd', 'El fin va después del inicio')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onCreated = vi.fn()
    await renderInApp(
      <ToastProvider>
        <CreateEstimateDialog
          defaultWorkOrderId={undefined}
          families={[{ id: WO, number: 'OT-100', description: 'Trabajos' }]}
          onClose={vi.fn()}
          onCreated={onCreated}
        />
      </ToastProvider>,
      { org: ES_MX },
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText(/^OT/))).toBe('Elige la OT (inicial de la familia).'),
    )
    expect(errorOf(screen.getByLabelText(/Inicio del periodo/))).toBe('Este campo es obligatorio')
    expect(errorOf(screen.getByLabelText(/Fin del periodo/))).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.selectOptions(screen.getByLabelText(/^OT/), WO)
    await user.selectOptions(screen.getByLabelText('Tipo'), 'excess')
    await user.type(screen.getByLabelText(/Inicio del periodo/), '2026-09-01')
    await user.type(screen.getByLabelText(/Fin del periodo/), '2026-09-30')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/estimates',
      body: { workOrderId: WO, type: 'excess', periodStart: '2026-09-01', periodEnd: '2026-09-30' },
    })
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText(/Fin del periodo/))).toBe('El fin va después del inicio'),
    )

    answer = ok({ id: ESTIMATE, number: 3 })
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(ESTIMATE))
  })
})
