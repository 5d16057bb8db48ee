import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInApp, setupI18n } from '../test/render'
import { ToastProvider } from './components'
import { ok, stubFetch } from './fetch-stub.testing'
import { NotificationPreferencesPage } from './pages/notification-preferences-page'

const prefs = {
  items: [
    { kind: 'due', label: { es: 'Vencimientos', en: 'Due dates' }, inApp: true, email: false },
    { kind: 'assigned', label: { es: 'Asignaciones', en: 'Assignments' }, inApp: true, email: true },
  ],
  emailAvailable: true,
}

beforeAll(async () => {
  await setupI18n('es')
})
afterEach(() => vi.unstubAllGlobals())

describe('NotificationPreferencesPage', () => {
  it('sends every kind with its two choices after a change', async () => {
    const calls = stubFetch((c) => {
      if (c.method !== 'PUT') return ok(prefs)
      const sent = (c.body as { items: object[] }).items
      return ok({ ...prefs, items: prefs.items.map((x, i) => ({ ...x, ...sent[i] })) })
    })
    await renderInApp(
      <ToastProvider>
        <NotificationPreferencesPage />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const save = await screen.findByRole('button', { name: 'Guardar' })
    expect(save.hasAttribute('disabled')).toBe(true)
    await user.click(screen.getByLabelText('Vencimientos: Por correo'))
    await user.click(screen.getByLabelText('Asignaciones: En la aplicación'))
    await user.click(save)
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1))
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      items: [
        { kind: 'due', inApp: true, email: true },
        { kind: 'assigned', inApp: false, email: true },
      ],
    })
    expect(await screen.findByText('Preferencias de avisos guardadas')).toBeTruthy()
  })
})
