import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { ok, stubFetch, type FetchCall } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { DigestPage } from './digest-page'

const settings = {
  enabled: false,
  weekday: 1,
  hour: 7,
  recipients: ['ana@example.com'],
  timeZone: 'America/Guayaquil',
  updatedAt: null,
}
const preview = {
  periodStart: '2026-11-30',
  periodEnd: '2026-12-06',
  timeZone: 'America/Guayaquil',
  activity: [],
  modules: [],
  proposalDocuments: [],
  workOrderSteps: [],
  subject: 'Resumen',
  html: '<p>Resumen</p>',
}
const answer = (c: FetchCall) =>
  c.method === 'PUT'
    ? ok({ ...settings, ...(c.body as object), updatedAt: '2026-12-07T10:00:00.000Z' })
    : c.url.startsWith('/api/v1/insights/digest/preview')
      ? ok(preview)
      : c.url.startsWith('/api/v1/settings/mail')
        ? ok({ settings: null })
        : ok(settings)

beforeAll(async () => {
  await setupI18n('es', ['admin'])
})
afterEach(() => vi.unstubAllGlobals())

describe('DigestPage settings', () => {
  it('names the bad address and sends nothing; then sends the recipients split and trimmed', async () => {
    const calls = stubFetch(answer)
    await renderInApp(
      <ToastProvider>
        <DigestPage />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const recipients = await screen.findByLabelText('Destinatarios')
    await user.type(recipients, '\nno-es-correo')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Revisa los correos: «no-es-correo» no es válido.')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)

    await user.clear(recipients)
    await user.type(recipients, ' ana@example.com ; luis@example.com,\n')
    await user.click(screen.getByLabelText('Enviar el resumen cada semana'))
    await user.selectOptions(screen.getByLabelText('Hora'), '9')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1))
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      enabled: true,
      weekday: 1,
      hour: 9,
      recipients: ['ana@example.com', 'luis@example.com'],
    })
  })
})
