import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { EmailDialog } from './email-dashboard'

beforeAll(async () => {
  await setupI18n('es', ['insights'])
})
afterEach(() => vi.unstubAllGlobals())

describe('EmailDialog', () => {
  it('names a bad address and sends nothing; sends the parsed list; shows a 400 under the field', async () => {
    let answer = fieldError('to.1', 'Dirección rechazada')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <EmailDialog line="rental" query={{ year: 2026 }} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const to = screen.getByLabelText(/Destinatarios/)
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    await waitFor(() => expect(errorOf(to)).toBe('Escribe al menos un correo.'))
    await user.type(to, 'ana@faena.test, luis@')
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    await waitFor(() => expect(errorOf(to)).toBe('Revisa los correos: «luis@» no es válido.'))
    expect(sent(calls)).toHaveLength(0)

    await user.type(to, 'faena.test')
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/insights/rental/email',
      body: { to: ['ana@faena.test', 'luis@faena.test'], query: { year: 2026 } },
    })
    await waitFor(() => expect(errorOf(to)).toBe('Revisa los correos: «luis@faena.test» no es válido.'))
    expect(onClose).not.toHaveBeenCalled()

    answer = ok({ recipients: ['ana@faena.test', 'luis@faena.test'] })
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
