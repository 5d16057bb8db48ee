import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { CreateTokenDialog } from './feeds-page-create-dialog'

beforeAll(async () => {
  await setupI18n('es', ['admin'])
})
afterEach(() => vi.unstubAllGlobals())

const datasets = {
  items: [
    { name: 'proposals', title: 'Proposals', columns: [] },
    { name: 'work-orders', title: 'Work orders', columns: [] },
  ],
}

describe('CreateTokenDialog', () => {
  it('needs a name and a dataset, sends the parsed body, shows a 400 under its field', async () => {
    let answer = fieldError('name', 'Ya hay un token con ese nombre')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok(datasets)))
    const onCreated = vi.fn()
    await renderInApp(<CreateTokenDialog datasetName={(d) => d} onClose={vi.fn()} onCreated={onCreated} />)
    const user = userEvent.setup()
    const name = screen.getByLabelText(/^Nombre/)
    await user.type(name, '  ')
    await user.click(screen.getByRole('button', { name: 'Crear token' }))
    await waitFor(() => expect(errorOf(name)).toBe('Escribe un nombre.'))
    expect(screen.getByText('Elige al menos un conjunto de datos.')).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.type(name, 'Power BI ')
    await user.click(await screen.findByRole('checkbox', { name: /work-orders/ }))
    await waitFor(() => expect(screen.queryByText('Elige al menos un conjunto de datos.')).toBeNull())
    await user.click(screen.getByRole('button', { name: 'Crear token' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]?.body).toEqual({ name: 'Power BI', datasets: ['work-orders'] })
    await waitFor(() => expect(errorOf(name)).toBe('Ya hay un token con ese nombre'))
    expect(onCreated).not.toHaveBeenCalled()

    answer = ok({ token: 'x', apiToken: {} })
    await user.click(screen.getByRole('button', { name: 'Crear token' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalled())
  })
})
