import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { AlertsDialog } from './alerts-dialog'

const SETTINGS = {
  enabled: false,
  hour: 7,
  recipients: ['ana@faena.ec'],
  timeZone: 'America/Guayaquil',
  updatedAt: null,
}

beforeAll(async () => {
  await setupI18n('es', ['field-staff'])
})
afterEach(() => vi.unstubAllGlobals())

describe('AlertsDialog', () => {
  it('names a bad address and sends nothing; sends the parsed body; shows a 400 field error under its field', async () => {
    const answer = fieldError('recipients.1', 'Dirección rechazada')
    const calls = stubFetch((c) => (c.method === 'PUT' ? answer : ok(SETTINGS)))
    await renderInApp(
      <ToastProvider>
        <AlertsDialog onClose={vi.fn()} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const recipients = await screen.findByLabelText(/^Destinatarios/)
    await waitFor(() => expect((recipients as HTMLTextAreaElement).value).toBe('ana@faena.ec'))
    await user.type(recipients, '\nno-es-correo')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(errorOf(recipients)).toBe('Escribe un correo electrónico válido'))
    expect(sent(calls)).toHaveLength(0)

    await user.clear(recipients)
    await user.type(recipients, 'ana@faena.ec, luis@faena.ec')
    await user.click(screen.getByLabelText(/^Enviar el aviso diario/))
    await user.selectOptions(screen.getByLabelText(/^Hora/), '9')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/compliance/alerts',
      body: { enabled: true, hour: 9, recipients: ['ana@faena.ec', 'luis@faena.ec'] },
    })
    await waitFor(() => expect(errorOf(recipients)).toBe('Dirección rechazada'))
  })
})
