import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TEstimate } from '@faena/contracts'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { AdjustmentsForm } from './adjustments-form'
import { useEstimateAction } from './api'
import { CONCEPT, ESTIMATE, WO, estimateFixture } from './estimate.testing'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

/** The form as the estimate page uses it: its request goes through the estimate's action. */
const Harness = ({ e }: { e: TEstimate }) => {
  const action = useEstimateAction(e.id)
  return (
    <AdjustmentsForm
      e={e}
      busy={action.isPending}
      onAdd={(body, onError) => action.mutate({ kind: 'adjustment', body }, { onError })}
    />
  )
}

describe('AdjustmentsForm', () => {
  it('checks a deductive line with the contract, sends the parsed body, shows a 400 under its field', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? fieldError('quantity', 'Más que lo cobrado') : ok({ workOrderId: WO, items: [] }),
    )
    await renderInApp(<Harness e={estimateFixture()} />, { org: ES_MX })
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Cantidad'), '1e5')
    await user.type(screen.getByLabelText('Motivo'), 'no')
    await user.click(screen.getByRole('button', { name: 'Agregar' }))
    await waitFor(() => expect(errorOf(screen.getByLabelText('Cantidad'))).toBeTruthy())
    expect(errorOf(screen.getByLabelText('Motivo'))).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.clear(screen.getByLabelText('Cantidad'))
    await user.type(screen.getByLabelText('Cantidad'), '2,5')
    await user.type(screen.getByLabelText('Motivo'), ' medido de más ')
    await user.click(screen.getByRole('button', { name: 'Agregar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/${ESTIMATE}/adjustments`,
      body: { kind: 'deductive', conceptId: CONCEPT, quantity: '2.5', reason: 'no medido de más' },
    })
    await waitFor(() => expect(errorOf(screen.getByLabelText('Cantidad'))).toBe('Más que lo cobrado'))
  })

  it('sends a penalty with a blank amount as 0', async () => {
    const calls = stubFetch((c) =>
      c.method === 'POST' ? ok(estimateFixture()) : ok({ workOrderId: WO, items: [] }),
    )
    await renderInApp(<Harness e={estimateFixture()} />, { org: ES_MX })
    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText(/Línea deductiva/), 'penalty')
    await user.type(screen.getByLabelText('Importe MXN'), '1500')
    await user.type(screen.getByLabelText('Motivo'), 'Atraso de entrega')
    await user.click(screen.getByRole('button', { name: 'Agregar' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]?.body).toEqual({
      kind: 'penalty',
      amountMxn: '1500',
      amountUsd: '0',
      reason: 'Atraso de entrega',
    })
  })
})
