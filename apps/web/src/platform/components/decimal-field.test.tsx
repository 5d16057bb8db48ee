import { useState } from 'react'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { ES_EC, ES_MX, renderInApp, setupI18n } from '../../test/render'
import { DecimalField } from './decimal-field'

const Amount = ({ initial = '' }: { initial?: string }) => {
  const [value, setValue] = useState(initial)
  return (
    <>
      <DecimalField label="Galones" value={value} onValueChange={setValue} maxFractionDigits={2} />
      <output data-testid="sent">{value}</output>
    </>
  )
}

describe('DecimalField', () => {
  beforeAll(async () => {
    await setupI18n('es')
  })

  it('es-EC: takes "1.250,00" and "1.250" as the app displays them, with the format as a hint', async () => {
    const user = userEvent.setup()
    await renderInApp(<Amount />, { org: ES_EC })
    const input = screen.getByLabelText('Galones')
    expect(screen.getByText('Ej.: 1.250,50')).toBeTruthy()
    await user.type(input, '1.250,00')
    expect(screen.getByTestId('sent').textContent).toBe('1250.00')
    await user.clear(input)
    await user.type(input, '1.250')
    expect(screen.getByTestId('sent').textContent).toBe('1250')
  })

  it('es-MX: takes "1,250,000.50" and refuses "12,50" with a message on leaving the field', async () => {
    const user = userEvent.setup()
    await renderInApp(<Amount />, { org: ES_MX })
    const input = screen.getByLabelText('Galones')
    await user.type(input, '1,250,000.50')
    expect(screen.getByTestId('sent').textContent).toBe('1250000.50')
    await user.clear(input)
    await user.type(input, '12,50')
    await user.tab()
    expect(screen.getByText('Escribe un número como 1,250.50')).toBeTruthy()
    expect(input.getAttribute('aria-invalid')).toBe('true')
    // the form receives the text as typed, so its own validation refuses it too
    expect(screen.getByTestId('sent').textContent).toBe('12,50')
  })

  it('shows a stored value in the convention and refuses too many decimals', async () => {
    const user = userEvent.setup()
    await renderInApp(<Amount initial="1250000.5" />, { org: ES_EC })
    const input = screen.getByLabelText<HTMLInputElement>('Galones')
    expect(input.value).toBe('1.250.000,5')
    await user.clear(input)
    await user.type(input, '3,125')
    await user.tab()
    expect(screen.getByText('Como máximo 2 decimales')).toBeTruthy()
  })
})
