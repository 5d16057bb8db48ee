import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { EquipmentDialog } from './equipment-dialog'
import { EQUIPMENT_ID, equipmentFixture } from './fixtures.testing'

beforeAll(async () => {
  await setupI18n('es', ['rental-projects'])
})
afterEach(() => vi.unstubAllGlobals())

describe('EquipmentDialog', () => {
  it('asks for code and name, sends the parsed unit (blanks → null), shows a 400 under the code', async () => {
    let answer = fieldError('code', 'Ya existe un equipo con ese código')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <EquipmentDialog unit={null} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(screen.getAllByText('Este campo es obligatorio')).toHaveLength(2))
    expect(sent(calls)).toHaveLength(0)

    const code = screen.getByLabelText(/Código/, { selector: 'input' })
    await user.type(code, 'PSL-BT-111')
    await user.type(screen.getByLabelText(/^Nombre/, { selector: 'input' }), 'Batería sanitaria')
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/equipment',
      body: {
        code: 'PSL-BT-111',
        name: 'Batería sanitaria',
        kind: 'equipment',
        type: null,
        brand: null,
        condition: 'operative',
        location: null,
        notes: null,
      },
    })
    expect(await screen.findByText('Ya existe un equipo con ese código')).toBeTruthy()
    expect(code.getAttribute('aria-invalid')).toBe('true')

    answer = ok(equipmentFixture())
    await user.click(screen.getByRole('button', { name: 'Crear' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })

  it('edits without the kind and clears the review flag when checked', async () => {
    const calls = stubFetch((c) => ok(c.method === 'PATCH' ? equipmentFixture() : {}))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <EquipmentDialog unit={equipmentFixture({ reviewNote: 'Revisar el código' })} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('checkbox'))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    const body = sent(calls)[0]!.body as Record<string, unknown>
    expect(sent(calls)[0]!.url).toBe(`/api/v1/rental/equipment/${EQUIPMENT_ID}`)
    expect(body).toMatchObject({ code: 'PSL-BT-111', type: 'toilet', condition: 'operative', reviewed: true })
    expect(body).not.toHaveProperty('kind')
  })
})
