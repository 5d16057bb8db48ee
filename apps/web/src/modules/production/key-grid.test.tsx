import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { KeyGrid, parseTsv, type GridEdit, type GridRow } from './key-grid'

/** A 3 × 4 grid whose cells hold their values in state, the last column read-only. */
function Harness({ log }: { log: GridEdit[][] }) {
  const [vals, setVals] = useState<string[][]>([
    ['1', '', '', 'x'],
    ['', '', '', 'x'],
    ['', '', '', 'x'],
  ])
  const rows: GridRow[] = vals.map((r, i) => ({
    key: `r${i}`,
    lead: [`fila ${i}`],
    cells: r.map((v, c) => ({ value: v, text: v, editable: c < 3, name: `${i}|${c}` })),
  }))
  return (
    <KeyGrid
      label="Prueba"
      inline
      lead={[{ key: 'l', label: 'Fila', width: 80 }]}
      columns={['a', 'b', 'c', 'd'].map((k) => ({ key: k, label: k }))}
      rows={rows}
      onEdit={(edits) => {
        log.push(edits)
        setVals((old) => {
          const next = old.map((r) => [...r])
          for (const e of edits) next[e.row]![e.col] = e.value
          return next
        })
      }}
    />
  )
}
const cell = (name: string) => document.querySelector(`td[data-cell="${name}"]`)!

describe('KeyGrid', () => {
  it('types, moves with Enter/Tab/arrows and loses no key typed fast', async () => {
    const log: GridEdit[][] = []
    render(<Harness log={log} />)
    const user = userEvent.setup({ delay: null })
    await user.pointer({ keys: '[MouseLeft>]', target: cell('0|1') })
    await user.pointer({ keys: '[/MouseLeft]', target: cell('0|1') })
    await user.keyboard('25{Enter}3{Tab}{ArrowUp}{ArrowRight}7{Enter}')
    expect(cell('0|1').textContent).toBe('25')
    expect(cell('1|1').textContent).toBe('3')
    // Tab after 3 went to (1,2); up to (0,2); right stops at the read-only column (0,3): not editable
    expect(cell('0|2').textContent).toBe('')
    expect(cell('0|3').textContent).toBe('x')
    expect(screen.getByRole('grid', { name: 'Prueba' })).toBeTruthy()
  })

  it('pastes a block from Excel at the active cell, fills down, clears a range', async () => {
    const log: GridEdit[][] = []
    render(<Harness log={log} />)
    const grid = screen.getByRole('grid')
    fireEvent.mouseDown(cell('0|0'))
    fireEvent.mouseUp(window)
    fireEvent.paste(grid, { clipboardData: { getData: () => '4\t5\r\n6\t7\r\n' } })
    expect([cell('0|0'), cell('0|1'), cell('1|0'), cell('1|1')].map((c) => c.textContent)).toEqual([
      '4',
      '5',
      '6',
      '7',
    ])
    // select (0,0)..(2,0) and fill down
    fireEvent.mouseDown(cell('0|0'))
    fireEvent.mouseDown(cell('2|0'), { shiftKey: true })
    fireEvent.keyDown(grid, { key: 'd', ctrlKey: true })
    expect([cell('1|0'), cell('2|0')].map((c) => c.textContent)).toEqual(['4', '4'])
    fireEvent.keyDown(grid, { key: 'Delete' })
    expect([cell('0|0'), cell('1|0'), cell('2|0')].map((c) => c.textContent)).toEqual(['', '', ''])
    expect(log.at(-1)).toHaveLength(3)
  })

  it('reads Excel’s tab-separated text', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(parseTsv('9')).toEqual([['9']])
  })
})
