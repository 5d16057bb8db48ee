import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { errorOf, fieldError, ok, sent, stubFetch } from '../../platform/fetch-stub.testing'
import { renderInApp, setupI18n } from '../../test/render'
import { PersonDialog } from './person-dialog'
import { VehicleDialog } from './vehicle-dialog'

beforeAll(async () => {
  await setupI18n('es', ['field-staff'])
})
afterEach(() => vi.unstubAllGlobals())

describe('PersonDialog', () => {
  it('names a bad field and sends nothing; sends the parsed body; shows a 400 field error under its field', async () => {
    let answer = fieldError('cedula', 'La cédula no es válida (dígito verificador)')
    const calls = stubFetch((c) => (c.method === 'POST' ? answer : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <PersonDialog person={null} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByTestId('person-firstNames'), 'Ana')
    await user.type(screen.getByTestId('person-cedula'), '12345')
    await user.click(screen.getByTestId('person-save'))
    await waitFor(() => expect(errorOf(screen.getByTestId('person-cedula'))).toBeTruthy())
    expect(errorOf(screen.getByTestId('person-lastNames'))).toBeTruthy()
    expect(errorOf(screen.getByTestId('person-firstNames'))).toBeFalsy()
    expect(sent(calls)).toHaveLength(0)

    await user.type(screen.getByTestId('person-lastNames'), '  Pérez ')
    await user.type(screen.getByTestId('person-cedula'), '67890')
    await user.click(screen.getByTestId('person-save'))
    await waitFor(() => expect(sent(calls)).toHaveLength(1))
    expect(sent(calls)[0]).toMatchObject({
      url: '/api/v1/rental/staff',
      body: {
        firstNames: 'Ana',
        lastNames: 'Pérez',
        cedula: '1234567890',
        phone: null,
        email: null,
        active: true,
        notes: null,
      },
    })
    // the server's field error stands under the cédula, the dialog stays open
    expect(await screen.findByText('La cédula no es válida (dígito verificador)')).toBeTruthy()
    expect(errorOf(screen.getByTestId('person-cedula'))).toBe('La cédula no es válida (dígito verificador)')
    expect(onClose).not.toHaveBeenCalled()

    answer = ok({ id: '10000000-0000-4000-8000-000000000001', fullName: 'Ana Pérez' })
    await user.click(screen.getByTestId('person-save'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
  })
})

describe('VehicleDialog', () => {
  it('checks the plate and the year before sending, then sends the year as a number', async () => {
    const calls = stubFetch((c) => (c.method === 'POST' ? ok({ plate: 'PBA-1234' }) : ok({})))
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <VehicleDialog vehicle={null} onClose={onClose} />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByTestId('vehicle-plate'), 'pb1')
    await user.type(screen.getByLabelText(/Año/), '1900')
    await user.click(screen.getByTestId('vehicle-save'))
    await waitFor(() => expect(errorOf(screen.getByTestId('vehicle-plate'))).toBeTruthy())
    expect(errorOf(screen.getByLabelText(/Año/))).toBeTruthy()
    expect(sent(calls)).toHaveLength(0)

    await user.clear(screen.getByTestId('vehicle-plate'))
    await user.type(screen.getByTestId('vehicle-plate'), 'pba-1234')
    await user.clear(screen.getByLabelText(/Año/))
    await user.type(screen.getByLabelText(/Año/), '2019')
    await user.type(screen.getByTestId('vehicle-brand'), 'Toyota')
    await user.click(screen.getByTestId('vehicle-save'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(sent(calls)[0]?.body).toEqual({
      plate: 'PBA-1234',
      brand: 'Toyota',
      model: null,
      year: 2019,
      active: true,
      notes: null,
    })
  })
})
