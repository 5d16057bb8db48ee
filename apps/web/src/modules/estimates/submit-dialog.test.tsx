import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { useEstimateAction } from './api'
import { ESTIMATE, estimateFixture } from './estimate.testing'
import { SubmitDialog } from './submit-dialog'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

/** The dialog as the estimate page uses it. */
const Harness = ({ onDone }: { onDone: () => void }) => {
  const e = estimateFixture({ status: 'in_review' })
  const action = useEstimateAction(e.id)
  return (
    <SubmitDialog
      e={e}
      busy={action.isPending}
      onClose={vi.fn()}
      onSubmit={(exchangeRate, onError) =>
        action.mutate(
          { kind: 'submit', ...(exchangeRate ? { exchangeRate } : {}) },
          { onSuccess: onDone, onError },
        )
      }
    />
  )
}

describe('SubmitDialog', () => {
  it('checks the rate with the contract, sends it with a point, shows a 400 under its field', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? fieldError('exchangeRate', 'Tipo de cambio fuera de rango') : ok({}),
    )
    const onDone = vi.fn()
    await renderInApp(<Harness onDone={onDone} />, { org: ES_MX })
    const user = userEvent.setup()
    const rate = screen.getByLabelText('Tipo de cambio')
    await user.type(rate, '18.2.5')
    await user.click(screen.getByRole('button', { name: 'Enviar al cliente' }))
    await waitFor(() => expect(errorOf(rate)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.clear(rate)
    await user.type(rate, '18,25')
    await user.click(screen.getByRole('button', { name: 'Enviar al cliente' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/${ESTIMATE}/submit`,
      body: { exchangeRate: '18.25' },
    })
    await waitFor(() => expect(errorOf(rate)).toBe('Tipo de cambio fuera de rango'))
    expect(onDone).not.toHaveBeenCalled()
  })

  it('sends no rate when it is left blank (the table’s)', async () => {
    const calls = stubFetch(() => ok(estimateFixture({ status: 'submitted' })))
    const onDone = vi.fn()
    await renderInApp(<Harness onDone={onDone} />, { org: ES_MX })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Enviar al cliente' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(sent(calls)[0]?.body).toEqual({})
  })
})
