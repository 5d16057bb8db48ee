/**
 * The shared document form (doc-form.tsx) through the maintenance sheet's form: the request contract is the
 * form's schema, a bad field shows its translated message and nothing is sent, a valid form sends the parsed
 * body, and a server 400 field error lands under its field.
 */
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { renderInApp, setupI18n } from '../../test/render'
import { MaintenanceForm, blankMaintenance } from './maintenance'

const PROJECT = '60000000-0000-4000-8000-000000000001'
const initial = (projectId: string) => ({
  ...blankMaintenance({ projectId, today: '2026-05-04', userName: 'Ana' }),
  endDate: '2026-05-06',
})

type Call = { url: string; method: string; body: unknown }
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The API boundary: projects, assignments and the create answer (`post` decides it). */
const stubApi = (post: (body: unknown) => Response) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null
      const method = init?.method ?? 'GET'
      calls.push({ url, method, body })
      if (method === 'POST') return post(body)
      if (url.startsWith('/api/v1/rental/projects?'))
        return json(200, {
          items: [
            {
              id: PROJECT,
              name: 'Campamento Sur',
              client: { id: PROJECT, name: 'Petrolera' },
              location: null,
              startDate: '2026-01-01',
              endDate: null,
              closed: false,
            },
          ],
          total: 1,
        })
      return json(200, { items: [], total: 0 })
    }),
  )
  return calls
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST')

beforeAll(async () => {
  await setupI18n('es', ['rental-documents'])
})
afterEach(() => vi.unstubAllGlobals())

describe('a field-document form (maintenance sheet)', () => {
  it('shows the message under a bad field and sends nothing', async () => {
    const calls = stubApi(() => json(500, {}))
    await renderInApp(
      <ToastProvider>
        <MaintenanceForm initial={initial('')} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByTestId('save-document'))
    // no project chosen: the contract's uuid says it is required, under the project select
    const project = screen.getByTestId('project-select')
    await waitFor(() => expect(project.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getAllByText('Este campo es obligatorio').length).toBeGreaterThan(0)
    expect(posts(calls)).toHaveLength(0)
  })

  it('sends the parsed body when valid, and puts a server field error under its field', async () => {
    const answer = json(400, {
      error: {
        code: 'VALIDATION',
        message: 'Datos inválidos',
        details: [{ path: 'rig', message: 'El taladro no existe' }],
        requestId: 'r1',
      },
    })
    const calls = stubApi(() => answer)
    await renderInApp(
      <ToastProvider>
        <MaintenanceForm initial={initial(PROJECT)} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('RIG'), '  RIG-7 ')
    await user.clear(screen.getByLabelText('Costo por día'))
    await user.type(screen.getByLabelText('Costo por día'), '150,5')
    await user.click(screen.getByTestId('save-document'))
    await screen.findByText('El taladro no existe')
    expect(posts(calls)).toHaveLength(1)
    expect(posts(calls)[0]).toEqual({
      url: '/api/v1/rental/maintenance-sheets',
      method: 'POST',
      body: {
        projectId: PROJECT,
        maintenanceType: 'preventive',
        startDate: '2026-05-04',
        endDate: '2026-05-06',
        rig: 'RIG-7',
        costPerDay: '150.5',
        technicalDescription: 'SERVICIO TÉCNICO ESPECIALIZADO',
        logisticsCost: '0',
        logisticsDescription: 'LOGÍSTICA',
        performedBy: 'Ana',
      },
    })
  })
})
