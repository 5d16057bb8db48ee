import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TProposalStep } from '@faena/contracts'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { StepsTable } from './steps-table'

const PROPOSAL = '00000000-0000-4000-8000-0000000000aa'
const ANA = '00000000-0000-4000-8000-000000000001'
const LUIS = '00000000-0000-4000-8000-000000000002'
const GONE = '00000000-0000-4000-8000-000000000003'

const step = (over: Partial<TProposalStep>): TProposalStep => ({
  id: '00000000-0000-4000-8000-0000000000s1',
  templateId: null,
  position: 1,
  name: 'Visita técnica',
  status: 'pending',
  startDate: null,
  deliveryDate: null,
  completedDate: null,
  comment: null,
  responsibleUser: null,
  overdue: false,
  progress: null,
  attachments: [],
  steps: [],
  ...over,
})

afterEach(() => {
  vi.unstubAllGlobals()
})

/** The API as the steps table sees it: the active users, and the PATCH of a step (recorded). */
const stubApi = () => {
  const calls: { url: string; method: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ url, method, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null })
      const json =
        url === '/api/v1/users/active'
          ? {
              items: [
                { id: ANA, name: 'Ana Supervisora' },
                { id: LUIS, name: 'Luis Operador' },
              ],
            }
          : { id: PROPOSAL, steps: [] }
      return new Response(JSON.stringify(json), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    }),
  )
  return calls
}

describe('responsible user of a step (docs/proposals.md#steps)', () => {
  it('offers the active users and saves the choice with the step PATCH', async () => {
    await setupI18n('es', ['proposals'])
    const calls = stubApi()
    await renderInApp(<StepsTable proposalId={PROPOSAL} steps={[step({})]} canEdit />, { org: ES_MX })
    const select = screen.getByRole('combobox', { name: 'Responsable del paso Visita técnica' })
    await screen.findByRole('option', { name: 'Ana Supervisora' })
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Sin asignar',
      'Ana Supervisora',
      'Luis Operador',
    ])
    const user = userEvent.setup()
    await user.selectOptions(select, ANA)
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toEqual({
        url: `/api/v1/proposals/${PROPOSAL}/steps/${step({}).id}`,
        method: 'PATCH',
        body: { responsibleUserId: ANA },
      }),
    )
  })

  it('keeps showing a responsible who is no longer active, by the name the step carries', async () => {
    await setupI18n('es', ['proposals'])
    const calls = stubApi()
    await renderInApp(
      <StepsTable
        proposalId={PROPOSAL}
        steps={[step({ responsibleUser: { id: GONE, name: 'Pedro De Baja' } })]}
        canEdit
      />,
      { org: ES_MX },
    )
    const select = screen.getByRole('combobox', { name: 'Responsable del paso Visita técnica' })
    await screen.findByRole('option', { name: 'Ana Supervisora' })
    expect((select as HTMLSelectElement).value).toBe(GONE)
    expect(screen.getByRole('option', { name: 'Pedro De Baja' })).toBeTruthy()
    // "Sin asignar" clears it
    await userEvent.setup().selectOptions(select, '')
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ responsibleUserId: null }),
    )
  })

  it('shows the name as text to who cannot edit, in English too', async () => {
    await setupI18n('en', ['proposals'])
    stubApi()
    await renderInApp(
      <StepsTable
        proposalId={PROPOSAL}
        steps={[step({ responsibleUser: { id: ANA, name: 'Ana Supervisora' } })]}
        canEdit={false}
      />,
      { org: ES_MX },
    )
    expect(screen.getByRole('columnheader', { name: 'Owner' })).toBeTruthy()
    expect(screen.getByText('Ana Supervisora')).toBeTruthy()
    expect(screen.queryByRole('combobox')).toBeNull()
  })
})
