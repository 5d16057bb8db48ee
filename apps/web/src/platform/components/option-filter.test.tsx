import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInApp, setupI18n } from '../../test/render'
import { OptionFilter } from './option-filter'

const options = [
  { value: 'open', label: 'Abierta' },
  { value: 'closed', label: 'Cerrada' },
]

beforeAll(async () => {
  await setupI18n('es')
})

describe('OptionFilter', () => {
  it('picks an option and goes back to "all" as undefined', async () => {
    const onChange = vi.fn()
    await renderInApp(
      <OptionFilter label="Estado" value="open" onChange={onChange} options={options} allLabel="Todos" />,
    )
    const select = screen.getByLabelText<HTMLSelectElement>('Estado')
    expect(select.value).toBe('open')
    await userEvent.selectOptions(select, 'closed')
    expect(onChange).toHaveBeenLastCalledWith('closed')
    await userEvent.selectOptions(select, '')
    expect(onChange).toHaveBeenLastCalledWith(undefined)
  })

  it('keeps a value from the URL that is not among the options, shown as "…"', async () => {
    await renderInApp(
      <OptionFilter
        label="Cliente"
        value="gone"
        onChange={() => undefined}
        options={options}
        allLabel="Todos"
      />,
    )
    const select = screen.getByLabelText<HTMLSelectElement>('Cliente')
    expect(select.value).toBe('gone')
    expect(screen.getByRole('option', { name: '…' })).toBeTruthy()
  })
})
