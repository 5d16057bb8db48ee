import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { ProposalNewPage } from './proposal-new-page'

const CLIENT = '10000000-0000-4000-8000-000000000001'
const TYPE = '10000000-0000-4000-8000-000000000002'
const PM = '10000000-0000-4000-8000-000000000003'

type Call = { url: string; method: string; body: unknown }

/** The API boundary: catalog lookups, and the create answered by `answer`. */
const stubApi = (answer: (body: unknown) => Response) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null
      calls.push({ url, method: init?.method ?? 'GET', body })
      const json = (x: unknown, status = 200) =>
        new Response(JSON.stringify(x), { status, headers: { 'content-type': 'application/json' } })
      if (url.startsWith('/api/v1/catalogs/clients'))
        return json({ items: [{ id: CLIENT, name: 'Pemex', clientType: 'PEP' }], total: 1 })
      if (url.startsWith('/api/v1/catalogs/types'))
        return json({ items: [{ id: TYPE, name: 'Mantenimiento' }], total: 1 })
      if (url.startsWith('/api/v1/catalogs/project-managers'))
        return json({ items: [{ id: PM, name: 'Ana' }], total: 1 })
      return answer(body)
    }),
  )
  return { posts: () => calls.filter((c) => c.method === 'POST') }
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`))
const fieldBox = (label: string) => field(label).closest('.field') as HTMLElement

const fillValid = async () => {
  const user = userEvent.setup()
  await user.type(field('Número oficial'), 'BME-1')
  await user.type(field('Número de solicitud'), 'SOL-7')
  await waitFor(() => expect(screen.getByRole('option', { name: 'Pemex (PEP)' })).toBeTruthy())
  await user.selectOptions(field('Cliente'), CLIENT)
  await user.type(field('Descripción'), 'Mantenimiento de plataforma')
  await user.selectOptions(field('Tipo'), TYPE)
  await user.selectOptions(field('Responsable'), PM)
  await user.clear(field('Fecha de solicitud'))
  await user.type(field('Fecha de solicitud'), '2026-05-04')
  await user.type(field('Fecha de entrega'), '2026-06-30')
  await user.type(field('Duración'), '45')
  return user
}

const render = () =>
  renderInApp(
    <ToastProvider>
      <ProposalNewPage />
    </ToastProvider>,
    { org: ES_MX },
  )

beforeAll(async () => {
  await setupI18n('es', ['proposals'])
})
afterEach(() => vi.unstubAllGlobals())

describe('new PTE form (useZodForm with the create request)', () => {
  it('shows the message under a bad field and sends nothing', async () => {
    const api = stubApi(() => new Response(null, { status: 500 }))
    await render()
    const user = userEvent.setup()
    await user.type(field('Número oficial'), 'BME-1')
    await user.type(field('Duración'), '0')
    await user.click(screen.getByRole('button', { name: 'Crear PTE' }))
    await waitFor(() =>
      expect(within(fieldBox('Número de solicitud')).getByText('Este campo es obligatorio')).toBeTruthy(),
    )
    expect(within(fieldBox('Cliente')).getByText('Este campo es obligatorio')).toBeTruthy()
    expect(within(fieldBox('Duración')).getByText('Debe ser mayor o igual a 1')).toBeTruthy()
    expect(within(fieldBox('Número oficial')).queryByText(/obligatorio/)).toBeNull()
    expect(api.posts()).toEqual([])
  })

  it('sends the parsed create request when valid', async () => {
    const api = stubApi(
      () =>
        new Response(JSON.stringify({ error: { code: 'INTERNAL', message: 'x', details: [] } }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        }),
    )
    await render()
    const user = await fillValid()
    await user.click(screen.getByRole('button', { name: 'Crear PTE' }))
    await waitFor(() => expect(api.posts()).toHaveLength(1))
    expect(api.posts()[0]).toMatchObject({
      url: '/api/v1/proposals',
      body: {
        officialNumber: 'BME-1',
        requestNumber: 'SOL-7',
        description: 'Mantenimiento de plataforma',
        clientId: CLIENT,
        typeId: TYPE,
        projectManagerId: PM,
        requestDate: '2026-05-04',
        deliveryDate: '2026-06-30',
        durationDays: 45,
        priority: 'medium',
      },
    })
    expect(api.posts()[0]!.body).not.toHaveProperty('comment')
  })

  it('puts a server 400 field error under its field', async () => {
    stubApi(
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'VALIDATION',
              message: 'Datos no válidos',
              requestId: 'r-1',
              details: [{ path: 'deliveryDate', message: 'La entrega no puede ser antes de la solicitud' }],
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    )
    await render()
    const user = await fillValid()
    await user.click(screen.getByRole('button', { name: 'Crear PTE' }))
    await waitFor(() =>
      expect(
        within(fieldBox('Fecha de entrega')).getByText('La entrega no puede ser antes de la solicitud'),
      ).toBeTruthy(),
    )
    // what was typed stays
    expect((field('Número oficial') as HTMLInputElement).value).toBe('BME-1')
  })
})
