import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { ClientDialog } from './client-dialog'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('ClientDialog', () => {
  it('checks the RUC before sending, sends the parsed client, shows a 400 RUC error under the RUC', async () => {
    let answer = fieldError('taxId', 'El dígito verificador del RUC no es válido')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <ClientDialog client={null} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByLabelText(/Nombre|Razón social/, { selector: 'input' }), 'Petro Andes')
    await user.type(screen.getByTestId('client-tax-id'), '17900')
    await user.click(screen.getByRole('button', { name: /Crear/ }))
    const taxId = screen.getByTestId('client-tax-id')
    await waitFor(() => expect(taxId.getAttribute('aria-invalid')).toBe('true'))
    expect(sent(calls)).toHaveLength(0)

    await user.type(taxId, '12345678')
    await user.click(screen.getByRole('button', { name: /Añadir contacto|contacto/ }))
    await user.click(screen.getByRole('button', { name: /Crear/ }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    // the contact left without a name is not sent; blanks are null
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/clients',
      body: {
        name: 'Petro Andes',
        taxId: '1790012345678',
        email: null,
        phone: null,
        address: null,
        notes: null,
        contacts: [],
      },
    })
    expect(await screen.findByText('El dígito verificador del RUC no es válido')).toBeTruthy()
    expect(taxId.getAttribute('aria-invalid')).toBe('true')
    expect(onClose).not.toHaveBeenCalled()

    answer = ok({ id: '10000000-0000-4000-8000-000000000001', name: 'Petro Andes' })
    await user.click(screen.getByRole('button', { name: /Crear/ }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
