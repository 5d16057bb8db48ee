/** Send to repair and record the return: the contract checks, the parsed body is sent, a 400 shows under its field. */
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { RepairReturnDialog } from './repair-return-dialog'
import { RepairSendDialog } from './repair-send-dialog'

const UNIT = '80000000-0000-4000-8000-000000000001'

beforeAll(async () => {
  await setupI18n('es', ['equipment-condition'])
})
afterEach(() => vi.unstubAllGlobals())

describe('RepairSendDialog', () => {
  it('needs a reason, sends the parsed body, shows a 400 under its field', async () => {
    let answer = fieldError('sentOn', 'La fecha no puede ser futura')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <RepairSendDialog equipmentId={UNIT} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const reason = screen.getByLabelText(/Motivo/)
    const date = screen.getByLabelText(/Fecha de envío/)
    await user.type(reason, '   ')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(errorOf(reason)).toBe('Este campo es obligatorio'))
    expect(sent(calls)).toHaveLength(0)

    await user.type(reason, 'Válvula con fuga ')
    await user.clear(date)
    await user.type(date, '2026-05-04')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/equipment/${UNIT}/repair`,
      body: { sentOn: '2026-05-04', reason: 'Válvula con fuga' },
    })
    await waitFor(() => expect(errorOf(date)).toBe('La fecha no puede ser futura'))
    expect(onClose).not.toHaveBeenCalled()

    answer = ok({})
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})

describe('RepairReturnDialog', () => {
  it('checks the date, sends blank notes as null, shows a 400 under its field', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? fieldError('returnedOn', 'Antes del envío') : ok({}),
    )
    await renderInApp(
      <ToastProvider>
        <RepairReturnDialog equipmentId={UNIT} onClose={vi.fn()} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const date = screen.getByLabelText(/Fecha de devolución/)
    await user.clear(date)
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(errorOf(date)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.type(date, '2026-05-04')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/equipment/${UNIT}/repair/return`,
      body: { returnedOn: '2026-05-04', notes: null },
    })
    await waitFor(() => expect(errorOf(date)).toBe('Antes del envío'))
  })
})
