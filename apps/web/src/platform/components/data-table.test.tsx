import { useState } from 'react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { setupI18n } from '../../test/render'
import { DataTable, type Column, type SortState } from './data-table'

type Row = { id: string; name: string; amount: string }
const rows: Row[] = [
  { id: 'a', name: 'Bomba', amount: '10' },
  { id: 'b', name: 'Tanque', amount: '20' },
]
const columns: Column<Row>[] = [
  { key: 'name', header: 'Nombre', cell: (r) => r.name, sortable: true },
  { key: 'amount', header: 'Importe', cell: (r) => r.amount, align: 'end' },
]

const Sorted = ({ onRowClick }: { onRowClick?: (r: Row) => void }) => {
  const [sort, setSort] = useState<SortState>({ key: 'name', dir: 'asc' })
  return (
    <DataTable
      caption="Equipos"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      sort={sort}
      onSortChange={setSort}
      {...(onRowClick ? { onRowClick } : {})}
    />
  )
}

describe('DataTable', () => {
  beforeAll(async () => {
    await setupI18n('es')
  })

  it('is a captioned table with one row per record', () => {
    render(<Sorted />)
    const table = screen.getByRole('table', { name: 'Equipos' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    expect(within(table).getByRole('cell', { name: 'Tanque' })).toBeTruthy()
  })

  it('sorts from the header and says so with aria-sort', async () => {
    const user = userEvent.setup()
    render(<Sorted />)
    const header = screen.getByRole('columnheader', { name: /Nombre/ })
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    await user.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    // a column that is not sortable has no button
    expect(within(screen.getByRole('columnheader', { name: 'Importe' })).queryByRole('button')).toBeNull()
  })

  it('opens a row by click and by Enter', async () => {
    const user = userEvent.setup()
    const open = vi.fn()
    render(<Sorted onRowClick={open} />)
    await user.click(screen.getByRole('cell', { name: 'Bomba' }))
    expect(open).toHaveBeenLastCalledWith(rows[0])
    const second = screen.getByRole('cell', { name: 'Tanque' }).closest('tr')!
    second.focus()
    await user.keyboard('{Enter}')
    expect(open).toHaveBeenLastCalledWith(rows[1])
  })

  it('tells an empty list from a filtered one, and shows errors with a retry', async () => {
    const user = userEvent.setup()
    const retry = vi.fn()
    const { rerender } = render(<DataTable caption="E" columns={columns} rows={[]} rowKey={(r) => r.id} />)
    expect(screen.getByText('No hay registros que mostrar.')).toBeTruthy()
    rerender(<DataTable caption="E" columns={columns} rows={[]} rowKey={(r) => r.id} emptyFiltered />)
    expect(screen.getByText('Ningún registro coincide con los filtros.')).toBeTruthy()
    rerender(
      <DataTable
        caption="E"
        columns={columns}
        rows={undefined}
        rowKey={(r) => r.id}
        error={new Error('boom')}
        onRetry={retry}
      />,
    )
    await user.click(screen.getByRole('button', { name: /Reintentar/ }))
    expect(retry).toHaveBeenCalled()
  })
})
