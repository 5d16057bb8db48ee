import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { EInvoicingSettingsPage } from './settings-page'

beforeAll(async () => {
  await setupI18n('es', ['e-invoicing'])
})
afterEach(() => vi.unstubAllGlobals())

/** What the server answers once saved. */
const saved = {
  ruc: '1792146739001',
  businessName: 'Faena S.A.',
  tradeName: null,
  mainAddress: 'Quito',
  establishment: '001',
  emissionPoint: '001',
  environment: 'test',
  keepsAccounts: true,
  certificate: {
    subject: 'CN=Faena',
    serialNumber: '01',
    expiresAt: '2030-01-01T00:00:00.000Z',
    expired: false,
    isTest: true,
  },
  nextInvoiceSequential: 1,
  sriClient: 'fake',
  updatedAt: '2026-12-07T10:00:00.000Z',
}

const render = () =>
  renderInApp(
    <ToastProvider>
      <EInvoicingSettingsPage />
    </ToastProvider>,
  )

describe('EInvoicingSettingsPage (not configured yet)', () => {
  it('asks for a valid RUC and a certificate and sends nothing; then sends the parsed fields and the file', async () => {
    const calls = stubFetch((c) => (c.method === 'GET' ? ok({ settings: null }) : ok(saved)))
    await render()
    const user = userEvent.setup()
    const ruc = await screen.findByLabelText(/^RUC/)
    await user.type(ruc, '123')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('RUC: 13 dígitos terminados en 001')).toBeTruthy()
    expect(screen.getByLabelText(/Certificado de firma/).getAttribute('aria-invalid')).toBe('true')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)

    await user.clear(ruc)
    await user.type(ruc, ' 1792146739001 ')
    const p12 = new File([new Uint8Array([1, 2, 3])], 'firma.p12', { type: 'application/x-pkcs12' })
    await user.upload(screen.getByLabelText(/Certificado de firma/), p12)
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    // a new certificate needs its password
    expect(screen.getByLabelText(/Contraseña del certificado/).getAttribute('aria-invalid')).toBe('true')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
    await user.type(screen.getByLabelText(/Contraseña del certificado/), 'clave')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1))
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.url).toBe('/api/v1/settings/e-invoicing')
    const { certificate, ...fields } = put.body as Record<string, unknown>
    expect(fields).toEqual({
      ruc: '1792146739001',
      establishment: '001',
      emissionPoint: '001',
      environment: 'test',
      businessName: '',
      tradeName: '',
      mainAddress: '',
      keepsAccounts: 'true',
      password: 'clave',
    })
    expect((certificate as File).name).toBe('firma.p12')
    expect(await screen.findByText('Configuración guardada')).toBeTruthy()
  })

  it('shows a server field error under its field', async () => {
    stubFetch((c) =>
      c.method === 'GET'
        ? ok({ settings: null })
        : fieldError('password', 'La contraseña no abre el certificado'),
    )
    await render()
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^RUC/), '1792146739001')
    await user.upload(screen.getByLabelText(/Certificado de firma/), new File(['x'], 'f.p12'))
    await user.type(screen.getByLabelText(/Contraseña del certificado/), 'mala')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('La contraseña no abre el certificado')).toBeTruthy()
    expect(screen.getByLabelText(/Contraseña del certificado/).getAttribute('aria-invalid')).toBe('true')
  })
})
