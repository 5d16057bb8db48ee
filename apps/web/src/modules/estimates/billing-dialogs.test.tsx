/** The invoice and payment dialogs: the contract checks the fields, the parsed body is sent, a 400 lands under its field. */
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { ESTIMATE, estimateFixture } from './estimate.testing'
import { InvoiceDialog } from './invoice-dialog'
import { PayDialog } from './pay-dialog'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

describe('InvoiceDialog', () => {
  it('needs a reference, sends it trimmed, shows a 400 under its field', async () => {
    let answer = fieldError('invoiceReference', 'Esa referencia ya existe')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <InvoiceDialog e={estimateFixture({ status: 'approved' })} onClose={onClose} />
      </ToastProvider>,
      { org: ES_MX },
    )
    const user = userEvent.setup()
    const reference = screen.getByLabelText('Referencia de factura')
    await user.type(reference, '   ')
    await user.click(screen.getByRole('button', { name: 'Facturar' }))
    await waitFor(() => expect(errorOf(reference)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.type(reference, 'FAC-1 ')
    await user.click(screen.getByRole('button', { name: 'Facturar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/${ESTIMATE}/invoice`,
      body: { invoiceReference: 'FAC-1' },
    })
    await waitFor(() => expect(errorOf(reference)).toBe('Esa referencia ya existe'))
    expect(onClose).not.toHaveBeenCalled()

    answer = ok(estimateFixture({ status: 'invoiced', invoiceReference: 'FAC-1' }))
    await user.click(screen.getByRole('button', { name: 'Facturar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})

describe('PayDialog', () => {
  it('starts at the homologated net, checks the amount, sends the parsed body, shows a 400 under its field', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? fieldError('date', 'La fecha no puede ser futura') : ok({}),
    )
    await renderInApp(
      <ToastProvider>
        <PayDialog e={estimateFixture({ status: 'invoiced' })} onClose={vi.fn()} />
      </ToastProvider>,
      { org: ES_MX },
    )
    const user = userEvent.setup()
    const amount = screen.getByLabelText('Importe pagado MXN')
    expect((amount as HTMLInputElement).value).toBe('145')
    await user.clear(amount)
    await user.type(amount, '0')
    await user.click(screen.getByRole('button', { name: 'Registrar pago' }))
    await waitFor(() => expect(errorOf(amount)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    const date = screen.getByLabelText('Fecha de pago')
    await user.clear(amount)
    await user.type(amount, '145,50')
    await user.clear(date)
    await user.type(date, '2026-10-02')
    await user.click(screen.getByRole('button', { name: 'Registrar pago' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/${ESTIMATE}/pay`,
      body: { date: '2026-10-02', amount: '145.50' },
    })
    await waitFor(() => expect(errorOf(date)).toBe('La fecha no puede ser futura'))
  })
})
