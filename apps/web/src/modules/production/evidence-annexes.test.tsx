import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { ME_QUERY_KEY } from '../../platform/session'
import { ES_MX, meFixture, renderInApp, setupI18n } from '../../test/render'
import { EvidenceAnnexes } from './evidence-annexes'
import { fieldError, stubApi } from './test-api'

beforeAll(async () => {
  await setupI18n('es', ['production'])
})
afterEach(() => vi.unstubAllGlobals())

describe('evidence annexes', () => {
  it('refuses a bad or repeated annex under its field and sends nothing; saves the list; a server error shows under the field', async () => {
    const api = stubApi((c) =>
      c.method === 'GET'
        ? { json: { annexes: ['C-2'], isDefault: true } }
        : fieldError('annexes.1', 'Anexo rechazado por el servidor'),
    )
    const { queryClient } = await renderInApp(
      <ToastProvider>
        <EvidenceAnnexes />
      </ToastProvider>,
      { org: ES_MX },
    )
    const me = meFixture(ES_MX)
    queryClient.setQueryData(ME_QUERY_KEY, {
      ...me,
      permissions: [...me.permissions, 'production.configure'],
    })
    const user = userEvent.setup()
    const field = await screen.findByLabelText('Anexo')
    await user.click(screen.getByRole('button', { name: 'Agregar anexo' }))
    expect(await screen.findByText('Escriba el anexo (por ejemplo C-2).')).toBeTruthy()
    await user.type(field, '-x')
    await user.click(screen.getByRole('button', { name: 'Agregar anexo' }))
    expect(await screen.findByText('Anexo no válido: letras, dígitos, guion o punto.')).toBeTruthy()
    await user.clear(field)
    await user.type(field, 'c-2')
    await user.click(screen.getByRole('button', { name: 'Agregar anexo' }))
    expect(await screen.findByText('El anexo C-2 ya está en la lista.')).toBeTruthy()
    expect(api.sent()).toHaveLength(0)

    await user.clear(field)
    await user.type(field, ' c-4 ')
    await user.click(screen.getByRole('button', { name: 'Agregar anexo' }))
    const list = screen.getByRole('list', { name: 'Anexos con evidencia (GPU)' })
    expect(await within(list).findByText('C-4')).toBeTruthy()
    expect((field as HTMLInputElement).value).toBe('')
    await user.click(screen.getByRole('button', { name: 'Guardar anexos' }))
    expect(await screen.findByText('Anexo rechazado por el servidor')).toBeTruthy()
    expect(api.sent()[0]).toEqual({
      url: '/api/v1/production/evidence/annexes',
      method: 'PUT',
      body: { annexes: ['C-2', 'C-4'] },
    })
  })
})
