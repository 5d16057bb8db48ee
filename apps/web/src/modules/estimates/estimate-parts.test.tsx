import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TEstimate } from '@faena/contracts'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { useEstimateAction } from './api'
import { ESTIMATE, WO, estimateFixture } from './estimate.testing'
import { SelectionCard } from './estimate-parts'

beforeAll(async () => {
  await setupI18n('es', ['estimates'])
})
afterEach(() => vi.unstubAllGlobals())

const Harness = ({ e }: { e: TEstimate }) => {
  const action = useEstimateAction(e.id)
  return (
    <SelectionCard
      e={e}
      busy={action.isPending}
      onApply={(body, onError) => action.mutate({ kind: 'selection', body }, { onError })}
    />
  )
}

describe('SelectionCard', () => {
  it('needs both dates, sends the parsed filters, shows a 400 under its field', async () => {
    const calls = stubFetch((c) =>
      c.method === 'PUT' ? fieldError('dateTo', 'Fuera del periodo') : ok({ workOrderId: WO, items: [] }),
    )
    await renderInApp(<Harness e={estimateFixture()} />, { org: ES_MX })
    const user = userEvent.setup()
    const from = screen.getByLabelText('Desde')
    const to = screen.getByLabelText('Hasta')
    await user.clear(from)
    await user.click(screen.getByRole('button', { name: 'Aplicar selección' }))
    await waitFor(() => expect(errorOf(from)).toBeTruthy())
    expect(sent(calls)).toHaveLength(0)

    await user.type(from, '2026-09-10')
    await user.selectOptions(screen.getByLabelText('Evidencia'), 'any')
    await user.click(screen.getByRole('checkbox'))
    await user.click(screen.getByRole('button', { name: 'Aplicar selección' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: `/api/v1/estimates/${ESTIMATE}/selection`,
      body: { dateFrom: '2026-09-10', dateTo: '2026-09-30', evidence: 'any', includeAuthorizedExcess: true },
    })
    await waitFor(() => expect(errorOf(to)).toBe('Fuera del periodo'))
  })
})
