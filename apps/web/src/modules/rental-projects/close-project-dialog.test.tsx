import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { CloseProjectDialog } from './close-project-dialog'
import { PROJECT_ID, projectFixture } from './fixtures.testing'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

const check = { canClose: true, blockers: [], equipmentToRelease: [], assignmentsToRetire: 0 }

describe('CloseProjectDialog', () => {
  it('asks for the date, sends date and reason (blank → null), shows a 400 under the date', async () => {
    let answer = fieldError('date', 'La fecha es anterior al inicio del proyecto')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok(check)))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <CloseProjectDialog project={projectFixture()} today="2026-03-10" onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const date = await screen.findByLabelText(/Fecha de cierre/, { selector: 'input' })
    await user.clear(date)
    await user.click(screen.getByTestId('close-submit'))
    expect(await screen.findByText('Este campo es obligatorio')).toBeTruthy()
    expect(date.getAttribute('aria-invalid')).toBe('true')
    expect(sent(calls)).toHaveLength(0)

    await user.type(date, '2026-03-09')
    await user.click(screen.getByTestId('close-submit'))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/projects/${PROJECT_ID}/close`,
      body: { date: '2026-03-09', reason: null },
    })
    expect(await screen.findByText('La fecha es anterior al inicio del proyecto')).toBeTruthy()
    expect(date.getAttribute('aria-invalid')).toBe('true')

    answer = ok(projectFixture({ closed: true }))
    await user.click(screen.getByTestId('close-submit'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
