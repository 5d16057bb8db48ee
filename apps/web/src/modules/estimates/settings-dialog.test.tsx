import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { WO } from './estimate.testing'
import { SettingsDialog } from './settings-dialog'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

const settings = {
  workOrderId: WO,
  isDefault: true,
  ivaPercent: '16',
  advanceMxn: '0',
  advanceUsd: '0',
  amortizationPercent: '0',
  maxPeriodMonths: 1,
  retentions: [],
}

describe('SettingsDialog', () => {
  it('checks the fields with the contract, sends the parsed body, shows a 400 under its field', async () => {
    let answer = fieldError('retentions.0.code', 'Clave repetida')
    const calls = stubFetch((c) => (c.method === 'PUT' ? answer : ok(settings)))
    const onClose = vi.fn()
    await renderInApp(<SettingsDialog workOrderId={WO} onClose={onClose} />, {
      org: { locale: 'es-MX', currencies: ['MXN', 'USD'] },
    })
    const user = userEvent.setup()
    const iva = await screen.findByLabelText('IVA %')
    await user.clear(iva)
    await user.type(iva, '160')
    await user.click(screen.getByRole('button', { name: 'Agregar retención' }))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(errorOf(iva)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.clear(iva)
    await user.type(iva, '8,5')
    await user.clear(screen.getByLabelText('Anticipo MXN'))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/settings/${WO}`,
      body: {
        ivaPercent: '8.5',
        advanceMxn: '0',
        advanceUsd: '0',
        amortizationPercent: '0',
        maxPeriodMonths: 1,
        retentions: [{ code: '5_al_millar', name: 'Cinco al millar (inspección)', percent: '0.5' }],
      },
    })
    await waitFor(() => expect(errorOf(screen.getByLabelText('Clave'))).toBe('Clave repetida'))
    expect(onClose).not.toHaveBeenCalled()

    answer = ok(settings)
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
