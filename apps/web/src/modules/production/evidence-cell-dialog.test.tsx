import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TEvidenceCell } from '@faena/contracts'
import { ToastProvider } from '../../platform/components'
import { ME_QUERY_KEY } from '../../platform/session'
import { ES_MX, meFixture, renderInApp, setupI18n } from '../../test/render'
import { EvidenceCellDialog } from './evidence-cell-dialog'
import { fieldError, stubApi, type Reply } from './test-api'

beforeAll(async () => {
  await setupI18n('es', ['production'])
})
afterEach(() => vi.unstubAllGlobals())

const KEY = {
  workOrderId: '40000000-0000-4000-8000-000000000001',
  siteId: '50000000-0000-4000-8000-000000000001',
  conceptId: '30000000-0000-4000-8000-000000000001',
  date: '2026-03-02',
  timeType: 'TE',
} as const
const CELL: TEvidenceCell = {
  ...KEY,
  annex: 'C',
  code: '1.1',
  description: 'Generador',
  volume: '3',
  status: 'pending',
  note: null,
  statusAt: null,
  pending: true,
  items: [],
}

/** The dialog with the user allowed to capture production; `change` answers the requests that change. */
const open = async (change: () => Reply) => {
  const api = stubApi((c) => (c.method === 'GET' ? { json: CELL } : change()))
  const { queryClient } = await renderInApp(
    <ToastProvider>
      <EvidenceCellDialog cellKey={KEY} onClose={() => {}} />
    </ToastProvider>,
    { org: ES_MX },
  )
  const me = meFixture(ES_MX)
  queryClient.setQueryData(ME_QUERY_KEY, { ...me, permissions: [...me.permissions, 'production.capture'] })
  await screen.findByTestId('evidence-status')
  return api
}

describe('evidence cell dialog', () => {
  it('status: a rejection without a note and signing without items are refused under their fields; sends the parsed body; a server error shows under its field', async () => {
    let answer: Reply = fieldError('note', 'Nota rechazada por el servidor')
    const api = await open(() => answer)
    const user = userEvent.setup()
    await user.selectOptions(screen.getByTestId('evidence-status'), 'rejected')
    await user.click(screen.getByRole('button', { name: 'Guardar estado' }))
    expect(await screen.findByText('El rechazo necesita una nota que diga por qué.')).toBeTruthy()
    await user.selectOptions(screen.getByTestId('evidence-status'), 'signed')
    await user.click(screen.getByRole('button', { name: 'Guardar estado' }))
    expect(await screen.findByText('Para firmar, adjunte antes al menos un archivo o enlace.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.selectOptions(screen.getByTestId('evidence-status'), 'rejected')
    await user.type(screen.getByTestId('evidence-note'), '  Falta la firma  ')
    await user.click(screen.getByRole('button', { name: 'Guardar estado' }))
    expect(await screen.findByText('Nota rechazada por el servidor')).toBeTruthy()
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/evidence/status',
      method: 'PUT',
      body: { ...KEY, status: 'rejected', note: 'Falta la firma' },
    })
    answer = { json: { ...CELL, status: 'rejected', note: 'Falta la firma' } }
    await user.click(screen.getByRole('button', { name: 'Guardar estado' }))
    await waitFor(() => expect(api.sent()).toHaveLength(2))
  })

  it('link: a bad address is refused under its field; sends the parsed body; a server error shows under its field', async () => {
    const api = await open(() => fieldError('url', 'Dirección rechazada por el servidor'))
    const user = userEvent.setup()
    const form = screen.getByRole('button', { name: 'Agregar enlace' }).closest('form')!
    await user.type(within(form).getByLabelText(/Dirección/), 'ftp://x')
    await user.click(within(form).getByRole('button', { name: 'Agregar enlace' }))
    expect(await within(form).findByText('La dirección debe empezar con http:// o https://')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.clear(within(form).getByLabelText(/Dirección/))
    await user.type(within(form).getByLabelText(/Dirección/), ' https://fotos.example/1 ')
    await user.click(within(form).getByRole('button', { name: 'Agregar enlace' }))
    expect(await within(form).findByText('Dirección rechazada por el servidor')).toBeTruthy()
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/evidence/links',
      method: 'POST',
      body: { ...KEY, url: 'https://fotos.example/1', label: null },
    })
  })
})
