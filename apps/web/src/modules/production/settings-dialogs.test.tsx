import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TDayStatus } from '@faena/contracts'
import { ToastProvider } from '../../platform/components'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { DayStatusDialog } from './day-status-dialog'
import { ExcessReasonDialog } from './excess-reason'
import { LinkDialog } from './monthly-link-dialog'
import { RateDialog } from './rate-dialog'
import { RotationDialog } from './rotation-dialog'
import { SuperintendentDialog } from './superintendent-dialog'
import { fieldError, stubApi } from './test-api'

beforeAll(async () => {
  await setupI18n('es', ['production'])
})
afterEach(() => vi.unstubAllGlobals())

const inApp = (ui: React.ReactNode) => renderInApp(<ToastProvider>{ui}</ToastProvider>, { org: ES_MX })
const WO = '40000000-0000-4000-8000-000000000001'
const SITE = '50000000-0000-4000-8000-000000000001'
const CONCEPT = '30000000-0000-4000-8000-000000000001'

describe('exchange-rate dialog', () => {
  it('names the wrong field and sends nothing; sends the parsed rate; shows a server field error', async () => {
    let answer = fieldError('rate', 'Tipo de cambio fuera de rango')
    const api = stubApi(() => answer)
    const onClose = vi.fn()
    await inApp(<RateDialog rate={null} onClose={onClose} />)
    const user = userEvent.setup()
    await user.type(screen.getByTestId('rate-value'), '18.1234567')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    expect(await screen.findByText('La fecha «Vigente desde» es obligatoria.')).toBeTruthy()
    expect(screen.getByText('El tipo de cambio debe ser un número con hasta 6 decimales.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.type(screen.getByTestId('rate-valid-from'), '2026-03-01')
    await user.clear(screen.getByTestId('rate-value'))
    await user.type(screen.getByTestId('rate-value'), ' 18,45 ')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    expect(await screen.findByText('Tipo de cambio fuera de rango')).toBeTruthy()
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/exchange-rates',
      method: 'PUT',
      body: { validFrom: '2026-03-01', rate: '18.45' },
    })
    expect(onClose).not.toHaveBeenCalled()

    answer = { json: { validFrom: '2026-03-01', rate: '18.45', createdAt: '2026-03-01T00:00:00Z' } }
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})

describe('day-status dialog', () => {
  const operating: TDayStatus = {
    id: '60000000-0000-4000-8000-000000000001',
    code: 'operating',
    name: 'Operando',
    allowsProduction: true,
    position: 1,
    active: true,
  }
  it('derives the code from the name, refuses a taken code, and sends the whole catalog', async () => {
    const api = stubApi(() => ({ json: { items: [] } }))
    const onClose = vi.fn()
    await inApp(<DayStatusDialog status={null} catalog={[operating]} onClose={onClose} />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    expect(await screen.findByText('El nombre es obligatorio.')).toBeTruthy()
    expect(screen.getByText('La clave es obligatoria.')).toBeTruthy()

    await user.type(screen.getByTestId('day-status-name'), 'Operating')
    expect(screen.getByTestId<HTMLInputElement>('day-status-code').value).toBe('operating')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    expect(await screen.findByText('La clave «operating» ya existe en el catálogo.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.clear(screen.getByTestId('day-status-code'))
    await user.type(screen.getByTestId('day-status-code'), 'espera_clima')
    await user.click(screen.getByTestId('day-status-allows'))
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.sent()[0]!.body).toEqual({
      items: [
        { code: 'operating', name: 'Operando', allowsProduction: true, active: true },
        { code: 'espera_clima', name: 'Operating', allowsProduction: true, active: true },
      ],
    })
  })
})

describe('excess-reason dialog', () => {
  it('asks for 5 to 500 characters and sends the trimmed reason; a server field error shows under it', async () => {
    let answer = fieldError('reason', 'El excedente ya no existe')
    const api = stubApi(() => answer)
    const onClose = vi.fn()
    const cell = {
      workOrderId: WO,
      siteId: SITE,
      timeType: 'TE' as const,
      conceptId: CONCEPT,
      code: '2.7',
      date: '2026-05-02',
      reason: null,
    }
    await inApp(<ExcessReasonDialog cell={cell} onClose={onClose} />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('El motivo es obligatorio (al menos 5 caracteres).')).toBeTruthy()
    await user.type(screen.getByTestId('excess-reason'), 'abc')
    expect(await screen.findByText('El motivo lleva al menos 5 caracteres.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.type(screen.getByTestId('excess-reason'), 'de pedido  ')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('El excedente ya no existe')).toBeTruthy()
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/grid/excess-reason',
      method: 'PUT',
      body: {
        workOrderId: WO,
        siteId: SITE,
        timeType: 'TE',
        conceptId: CONCEPT,
        date: '2026-05-02',
        reason: 'abcde pedido',
      },
    })
    answer = { json: { conceptId: CONCEPT, date: '2026-05-02', timeType: 'TE', reason: 'abcde pedido' } }
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})

describe('monthly link dialog', () => {
  it('asks for an http(s) address and sends it with the label (empty → null)', async () => {
    const api = stubApi(() => ({ json: {} }))
    const onClose = vi.fn()
    const report = { workOrderId: WO, number: 'OT-1' } as Parameters<typeof LinkDialog>[0]['report']
    await inApp(<LinkDialog report={report} month="2026-05" onClose={onClose} />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Agregar enlace' }))
    expect(await screen.findByText('La dirección es obligatoria.')).toBeTruthy()
    await user.type(screen.getByTestId('monthly-link-url'), 'ftp://x')
    expect(await screen.findByText('La dirección debe empezar con http:// o https://.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.clear(screen.getByTestId('monthly-link-url'))
    await user.type(screen.getByTestId('monthly-link-url'), ' https://drive.example/acta ')
    await user.click(screen.getByRole('button', { name: 'Agregar enlace' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.sent()[0]).toEqual({
      url: `/api/v1/production/monthly-reports/${WO}/2026-05/links`,
      method: 'POST',
      body: { url: 'https://drive.example/acta', label: null },
    })
  })
})

describe('rotation and superintendent dialogs', () => {
  const sup = (n: number, name: string) => ({
    id: `70000000-0000-4000-8000-00000000000${n}`,
    name,
    active: true,
  })
  it('asks for a start date and two distinct superintendents, and sends the days per shift as a number', async () => {
    const api = stubApi(() => ({ json: {} }))
    const onClose = vi.fn()
    await inApp(
      <RotationDialog
        siteId={SITE}
        siteName="Akal"
        sups={[sup(1, 'Ana'), sup(2, 'Luis')]}
        onClose={onClose}
      />,
    )
    const user = userEvent.setup()
    await user.selectOptions(screen.getByTestId('rotation-a'), 'Ana')
    await user.selectOptions(screen.getByTestId('rotation-b'), 'Ana')
    const cycle = screen.getByLabelText(/Días por turno/)
    await user.clear(cycle)
    await user.type(cycle, '0')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('La fecha de inicio es obligatoria.')).toBeTruthy()
    expect(screen.getByText('Entre 1 y 90 días.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.type(screen.getByTestId('rotation-start'), '2026-05-01')
    await user.clear(cycle)
    await user.type(cycle, '14')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('A y B deben ser distintos.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.selectOptions(screen.getByTestId('rotation-b'), 'Luis')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/rotations',
      method: 'PUT',
      body: {
        siteId: SITE,
        startDate: '2026-05-01',
        superintendentAId: sup(1, 'Ana').id,
        superintendentBId: sup(2, 'Luis').id,
        cycleDays: 14,
      },
    })
  })

  it('asks for the name of a superintendent and sends it trimmed', async () => {
    const api = stubApi(() => ({ json: sup(3, 'Marta') }))
    const onClose = vi.fn()
    await inApp(<SuperintendentDialog sup={null} onClose={onClose} />)
    const user = userEvent.setup()
    await user.type(screen.getByTestId('superintendent-name'), '   ')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    expect(await screen.findByText('El nombre es obligatorio.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)
    await user.type(screen.getByTestId('superintendent-name'), 'Marta ')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/superintendents',
      method: 'POST',
      body: { name: 'Marta' },
    })
  })
})
