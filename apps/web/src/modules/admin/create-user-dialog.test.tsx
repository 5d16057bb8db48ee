import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { CreateUserDialog } from './create-user-dialog'

beforeAll(async () => {
  await setupI18n('es', ['admin'])
})
afterEach(() => vi.unstubAllGlobals())

const open = async () => {
  const onClose = vi.fn()
  await renderInApp(
    <ToastProvider>
      <CreateUserDialog onClose={onClose} />
    </ToastProvider>,
  )
  return { onClose, user: userEvent.setup() }
}

describe('CreateUserDialog', () => {
  it('says what is wrong under each field and sends nothing; then sends the parsed user', async () => {
    const calls = stubFetch((c) => ok({ id: 'u1', ...(c.body as object), active: true }))
    const { onClose, user } = await open()
    await user.type(screen.getByLabelText(/Correo electrónico/), 'no-es-correo')
    await user.type(screen.getByLabelText(/Contraseña inicial/), 'corta')
    await user.click(screen.getByRole('button', { name: 'Crear usuario' }))
    expect(await screen.findByText('Escribe un correo electrónico válido')).toBeTruthy()
    expect(screen.getByLabelText(/Nombre/).getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByLabelText(/Contraseña inicial/).getAttribute('aria-invalid')).toBe('true')
    expect(calls).toHaveLength(0)

    await user.type(screen.getByLabelText(/Nombre/), '  Ana Pérez ')
    await user.clear(screen.getByLabelText(/Correo electrónico/))
    await user.type(screen.getByLabelText(/Correo electrónico/), 'ana@example.com')
    await user.selectOptions(screen.getByLabelText(/Rol/), 'admin')
    await user.type(screen.getByLabelText(/Contraseña inicial/), 'larga-y-segura')
    await user.click(screen.getByRole('button', { name: 'Crear usuario' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ url: '/api/v1/users', method: 'POST' })
    expect(calls[0]!.body).toEqual({
      name: 'Ana Pérez',
      email: 'ana@example.com',
      role: 'admin',
      password: 'cortalarga-y-segura',
    })
  })

  it('shows a server field error under its field', async () => {
    stubFetch(() => fieldError('email', 'Ya existe un usuario con ese correo'))
    const { onClose, user } = await open()
    await user.type(screen.getByLabelText(/Nombre/), 'Ana')
    await user.type(screen.getByLabelText(/Correo electrónico/), 'ana@example.com')
    await user.type(screen.getByLabelText(/Contraseña inicial/), 'larga-y-segura')
    await user.click(screen.getByRole('button', { name: 'Crear usuario' }))
    expect(await screen.findByText('Ya existe un usuario con ese correo')).toBeTruthy()
    expect(screen.getByLabelText(/Correo electrónico/).getAttribute('aria-invalid')).toBe('true')
    expect(onClose).not.toHaveBeenCalled()
  })
})
