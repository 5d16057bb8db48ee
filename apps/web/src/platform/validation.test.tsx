import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { setupI18n } from '../test/render'
import { ApiError } from './api'
import { Dialog } from './components/dialog'
import { FormField } from './components/form-field'
import { applyLanguage } from './i18n'
import { fieldErrors, useZodForm, zodFieldErrors } from './validation'

const ZUser = z.object({ email: z.email(), name: z.string().trim().min(1).max(5) })

const UserForm = ({ onValid }: { onValid: (v: z.output<typeof ZUser>) => void }) => {
  const form = useZodForm(ZUser, { email: '', name: '' })
  return (
    <form onSubmit={form.submit(onValid)}>
      <FormField label="Correo" error={form.errors.email}>
        {(p) => <input {...p} {...form.register('email')} />}
      </FormField>
      <FormField label="Nombre" error={form.errors.name}>
        {(p) => <input {...p} value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />}
      </FormField>
      <button type="submit">Guardar</button>
    </form>
  )
}

describe('validation', () => {
  beforeAll(async () => {
    await setupI18n('es')
  })

  it('shows translated messages next to the fields and keeps what was typed', async () => {
    const user = userEvent.setup()
    const onValid = vi.fn()
    render(<UserForm onValid={onValid} />)
    await user.type(screen.getByLabelText('Correo'), 'no-es-correo')
    await user.type(screen.getByLabelText('Nombre'), 'Demasiado')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(onValid).not.toHaveBeenCalled()
    expect(screen.getByText('Escribe un correo electrónico válido')).toBeTruthy()
    expect(screen.getByText('Debe tener como máximo 5 caracteres')).toBeTruthy()
    expect(screen.getByLabelText('Correo').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByLabelText<HTMLInputElement>('Correo').value).toBe('no-es-correo')
  })

  it('clears a field message when the field changes, and submits parsed values', async () => {
    const user = userEvent.setup()
    const onValid = vi.fn()
    render(<UserForm onValid={onValid} />)
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(screen.getAllByText('Este campo es obligatorio').length).toBeGreaterThan(0)
    await user.type(screen.getByLabelText('Correo'), 'ana@example.com')
    expect(screen.getByLabelText('Correo').getAttribute('aria-invalid')).toBeNull()
    await user.type(screen.getByLabelText('Nombre'), '  Ana ')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(onValid).toHaveBeenCalledWith({ email: 'ana@example.com', name: 'Ana' })
  })

  it('puts the keyboard on the first field with a message, in page order, and scrolls it into view', async () => {
    const user = userEvent.setup()
    const scrolled = vi.fn()
    Element.prototype.scrollIntoView = scrolled
    const onValid = vi.fn()
    render(<UserForm onValid={onValid} />)
    await user.type(screen.getByLabelText('Correo'), 'ana@example.com')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(onValid).not.toHaveBeenCalled()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Nombre')))
    expect(scrolled.mock.contexts.at(-1)).toBe(screen.getByLabelText('Nombre'))
    await user.clear(screen.getByLabelText('Correo'))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Correo')))
  })

  it('focuses the first invalid field of a dialog form (no submit event) and after a server error', async () => {
    const user = userEvent.setup()
    Element.prototype.scrollIntoView = vi.fn()
    const DialogForm = () => {
      const form = useZodForm(ZUser, { email: '', name: '' })
      return (
        <Dialog
          open
          title="Usuario"
          onClose={() => {}}
          onSubmit={form.submit(() =>
            form.applyServerError(
              new ApiError({
                status: 400,
                code: 'VALIDATION',
                message: 'x',
                details: [{ path: 'name', message: 'Ya existe' }],
              }),
            ),
          )}
          footer={<button type="submit">Guardar</button>}
        >
          <FormField label="Correo" error={form.errors.email}>
            {(p) => <input {...p} {...form.register('email')} />}
          </FormField>
          <FormField label="Nombre" error={form.errors.name}>
            {(p) => <input {...p} {...form.register('name')} />}
          </FormField>
        </Dialog>
      )
    }
    render(<DialogForm />)
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Correo')))
    await user.type(screen.getByLabelText('Correo'), 'ana@example.com')
    await user.type(screen.getByLabelText('Nombre'), 'Ana')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Ya existe')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Nombre')))
  })

  it('speaks the UI language', async () => {
    await applyLanguage('en', { remember: false })
    try {
      const r = ZUser.safeParse({ email: 'x', name: '' })
      expect(r.success).toBe(false)
      if (!r.success)
        expect(zodFieldErrors(r.error)).toEqual({
          email: 'Enter a valid email address',
          name: 'This field is required',
        })
    } finally {
      await applyLanguage('es', { remember: false })
    }
  })

  it('asks for a choice where a list was left unpicked, not for a valid identifier', () => {
    const ZSheet = z.object({ clientId: z.uuid() })
    const unpicked = ZSheet.safeParse({ clientId: '' })
    const forged = ZSheet.safeParse({ clientId: 'abc' })
    expect(unpicked.success || zodFieldErrors(unpicked.error)).toEqual({
      clientId: 'Este campo es obligatorio',
    })
    expect(forged.success || zodFieldErrors(forged.error)).toEqual({ clientId: 'Identificador no válido' })
  })

  it("maps a server error's details to field paths", () => {
    const e = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'x',
      details: [
        { path: 'email', message: 'Ya existe' },
        { path: '', message: 'General' },
      ],
    })
    expect(fieldErrors(e)).toEqual({ email: 'Ya existe', _form: 'General' })
    expect(fieldErrors(new Error('x'))).toEqual({})
  })

  it('translates a server field error by its key and params, else shows the server message', async () => {
    const e = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'Datos no válidos',
      details: [
        {
          path: 'name',
          key: 'validation.tooShort',
          params: { min: 3 },
          message: 'Debe tener al menos 3 caracteres',
        },
        { path: 'period', key: 'rental.sheet.frozenPeriod', params: {}, message: 'Period closed' },
      ],
    })
    await applyLanguage('en', { remember: false })
    try {
      expect(fieldErrors(e)).toEqual({ name: 'Must be at least 3 characters', period: 'Period closed' })
    } finally {
      await applyLanguage('es', { remember: false })
    }
    expect(fieldErrors(e).name).toBe('Debe tener al menos 3 caracteres')
  })
})
