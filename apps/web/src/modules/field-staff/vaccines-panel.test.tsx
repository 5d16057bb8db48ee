import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { VaccinesPanel } from './vaccines-panel'

const STAFF = '10000000-0000-4000-8000-000000000001'

beforeAll(async () => {
  await setupI18n('es', ['field-staff'])
})
afterEach(() => vi.unstubAllGlobals())

describe('VaccinesPanel', () => {
  it('names a bad field and sends nothing; sends the parsed body; shows a 400 field error under its field', async () => {
    let answer = fieldError('appliedOn', 'La fecha no puede ser futura')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    await renderInApp(
      <ToastProvider>
        <VaccinesPanel staffId={STAFF} vaccines={[]} canManage />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const vaccine = screen.getByLabelText(/^Vacuna(?!s)/)
    const dose = screen.getByLabelText(/^Dosis/)
    const date = screen.getByLabelText(/^Fecha/)
    await user.clear(dose)
    await user.type(dose, '11')
    await user.click(screen.getByRole('button', { name: 'Agregar dosis' }))
    await waitFor(() => expect(errorOf(vaccine)).toBe('Este campo es obligatorio'))
    expect(errorOf(dose)).toBe('Debe ser menor o igual a 10')
    expect(errorOf(date)).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.type(vaccine, '  Tétanos ')
    await user.clear(dose)
    await user.type(dose, '2')
    await user.type(date, '2026-01-15')
    await user.click(screen.getByRole('button', { name: 'Agregar dosis' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/staff/${STAFF}/vaccines`,
      body: { vaccine: 'Tétanos', doseNumber: 2, appliedOn: '2026-01-15' },
    })
    await waitFor(() => expect(errorOf(date)).toBe('La fecha no puede ser futura'))

    answer = ok({ id: '10000000-0000-4000-8000-000000000002' })
    await user.click(screen.getByRole('button', { name: 'Agregar dosis' }))
    // saved: the next dose is proposed, the date is cleared
    await waitFor(() => expect((dose as HTMLInputElement).value).toBe('3'))
    expect((date as HTMLInputElement).value).toBe('')
  })
})
