import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { projectFixture } from './fixtures.testing'
import { ProjectDialog } from './project-dialog'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

const CLIENT = { id: '10000000-0000-4000-8000-000000000001', name: 'Petro Andes', taxId: '1790012345001' }

describe('ProjectDialog', () => {
  it('asks for name and client, sends the parsed project (blanks → null), shows a 400 under the name', async () => {
    let answer = fieldError('name', 'Ya existe un proyecto con ese nombre')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({ items: [CLIENT], total: 1 })))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <ProjectDialog project={null} today="2026-03-10" onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await screen.findByRole('option', { name: /Petro Andes/ })
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(screen.getAllByText('Este campo es obligatorio')).toHaveLength(2))
    expect(screen.getByTestId('project-name').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('project-client').getAttribute('aria-invalid')).toBe('true')
    expect(sent(calls)).toHaveLength(0)

    await user.type(screen.getByTestId('project-name'), 'Campamento Norte')
    await user.selectOptions(screen.getByTestId('project-client'), CLIENT.id)
    await user.type(screen.getByTestId('project-location'), 'BLOQUE 15')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/projects',
      body: {
        clientId: CLIENT.id,
        name: 'Campamento Norte',
        location: 'BLOQUE 15',
        cardinalPoint: null,
        contactName: null,
        contactPhone: null,
        startDate: '2026-03-10',
        endDate: null,
        notes: null,
      },
    })
    expect(await screen.findByText('Ya existe un proyecto con ese nombre')).toBeTruthy()
    expect(screen.getByTestId('project-name').getAttribute('aria-invalid')).toBe('true')

    answer = ok(projectFixture())
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
