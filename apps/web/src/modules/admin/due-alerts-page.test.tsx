import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { DueAlertsPage } from './due-alerts-page'

const settings = { daysBefore: 3, hour: 7, timeZone: 'America/Guayaquil', updatedAt: null }

beforeAll(async () => {
  await setupI18n('es', ['admin'])
})
afterEach(() => vi.unstubAllGlobals())

describe('DueAlertsPage', () => {
  it('says what is wrong under the days and sends nothing; a valid number is sent as a number', async () => {
    const calls = stubFetch((c) => ok(c.method === 'PUT' ? { ...settings, ...(c.body as object) } : settings))
    await renderInApp(
      <ToastProvider>
        <DueAlertsPage />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const days = await screen.findByLabelText('Días de anticipación')
    expect((days as HTMLInputElement).value).toBe('3')
    await user.clear(days)
    await user.type(days, '61')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(
      await screen.findByText('Días de anticipación: escribe un número entero entre 0 y 60.'),
    ).toBeTruthy()
    expect(days.getAttribute('aria-invalid')).toBe('true')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)

    await user.clear(days)
    await user.type(days, ' 5 ')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1))
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.url).toBe('/api/v1/insights/due-alerts/settings')
    expect(put.body).toEqual({ daysBefore: 5 })
    expect(await screen.findByText('Avisos de vencimiento guardados')).toBeTruthy()
  })

  it('shows a server field error under its field', async () => {
    stubFetch((c) =>
      c.method === 'PUT' ? fieldError('daysBefore', 'Debe ser como máximo 60') : ok(settings),
    )
    await renderInApp(
      <ToastProvider>
        <DueAlertsPage />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const days = await screen.findByLabelText('Días de anticipación')
    await user.clear(days)
    await user.type(days, '7')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Debe ser como máximo 60')).toBeTruthy()
    expect(days.getAttribute('aria-invalid')).toBe('true')
  })
})
