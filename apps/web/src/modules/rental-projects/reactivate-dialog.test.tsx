import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { ASSIGNMENT_ID, assignmentFixture } from './fixtures.testing'
import { ReactivateDialog } from './reactivate-dialog'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('ReactivateDialog', () => {
  // (a date input holds a valid date or nothing: there is no bad value to type)
  it('sends no start when none is typed, a typed start when there is one, a 400 under the start', async () => {
    let answer = fieldError('operationStart', 'El equipo está asignado a otro proyecto en esa fecha')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <ReactivateDialog assignment={assignmentFixture({ status: 'retired' })} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    const start = screen.getByLabelText(/inicio/i, { selector: 'input' })
    await user.click(screen.getByRole('button', { name: 'Reactivar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/assignments/${ASSIGNMENT_ID}/reactivate`,
      body: {},
    })
    expect(await screen.findByText('El equipo está asignado a otro proyecto en esa fecha')).toBeTruthy()
    expect(start.getAttribute('aria-invalid')).toBe('true')

    answer = ok({ ...assignmentFixture(), cascadedAssignmentIds: [] })
    await user.type(start, '2026-04-01')
    await user.click(screen.getByRole('button', { name: 'Reactivar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(sent(calls)[1]!.body).toEqual({ operationStart: '2026-04-01' })
  })
})
