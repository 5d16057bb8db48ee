import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { ASSIGNMENT_ID, assignmentFixture } from './fixtures.testing'
import { RetireDialog } from './retire-dialog'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('RetireDialog', () => {
  it('asks for the reason, sends date and reason, shows a 400 date error under the date', async () => {
    let answer = fieldError('date', 'La fecha es anterior al inicio de operación')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <RetireDialog assignment={assignmentFixture()} today="2026-03-10" onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByTestId('retire-submit'))
    expect(await screen.findByText('Este campo es obligatorio')).toBeTruthy()
    expect(screen.getByTestId('retire-reason').getAttribute('aria-invalid')).toBe('true')
    expect(sent(calls)).toHaveLength(0)

    await user.type(screen.getByTestId('retire-reason'), '  Fin de contrato ')
    await user.click(screen.getByTestId('retire-submit'))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/rental/assignments/${ASSIGNMENT_ID}/retire`,
      body: { date: '2026-03-10', reason: 'Fin de contrato' },
    })
    expect(await screen.findByText('La fecha es anterior al inicio de operación')).toBeTruthy()
    expect(screen.getByTestId('retire-date').getAttribute('aria-invalid')).toBe('true')
    expect(onClose).not.toHaveBeenCalled()

    answer = ok({ ...assignmentFixture({ status: 'retired' }), cascadedAssignmentIds: [] })
    await user.click(screen.getByTestId('retire-submit'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})
