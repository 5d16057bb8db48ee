import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { ME_QUERY_KEY } from '../../platform/session'
import { ES_EC, meFixture, renderInApp, setupI18n } from '../../test/render'
import { KindsPage } from './kinds-page'

beforeAll(async () => {
  await setupI18n('es', ['field-staff'])
})
afterEach(() => vi.unstubAllGlobals())

describe('KindsPage new kind form', () => {
  it('names a bad field and sends nothing; sends the parsed body; shows a 400 field error under its field', async () => {
    let answer = fieldError('name', 'Ya existe un tipo con ese nombre')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({ items: [] })))
    const { queryClient } = await renderInApp(
      <ToastProvider>
        <KindsPage />
      </ToastProvider>,
    )
    const me = meFixture(ES_EC)
    act(() => {
      queryClient.setQueryData(ME_QUERY_KEY, { ...me, permissions: [...me.permissions, 'fieldStaff.manage'] })
    })
    const user = userEvent.setup()
    const name = await screen.findByTestId('kind-name')
    await user.type(name, '   ')
    await user.click(screen.getByTestId('kind-add'))
    await waitFor(() => expect(errorOf(name)).toBe('Este campo es obligatorio'))
    expect(sent(calls)).toHaveLength(0)

    await user.selectOptions(screen.getByTestId('kind-owner'), 'vehicle')
    await user.clear(name)
    await user.type(name, ' Póliza ')
    await user.click(screen.getByTestId('kind-add'))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/compliance/kinds',
      body: { ownerKind: 'vehicle', name: 'Póliza' },
    })
    await waitFor(() => expect(errorOf(name)).toBe('Ya existe un tipo con ese nombre'))

    answer = ok({ id: '10000000-0000-4000-8000-000000000003' })
    await user.click(screen.getByTestId('kind-add'))
    await waitFor(() => expect((name as HTMLInputElement).value).toBe(''))
    expect(screen.getByTestId<HTMLSelectElement>('kind-owner').value).toBe('vehicle')
  })
})
