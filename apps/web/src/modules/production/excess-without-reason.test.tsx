import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { TProductionGridRow } from '@faena/contracts'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { ExcessWithoutReason, excessWithoutReason } from './excess-without-reason'
import { KeyGrid, type Range } from './key-grid'

const day = (date: string, volume: string, excess: boolean, excessReason: string | null = null) => ({
  date,
  volume,
  otherVolume: '0',
  planned: '0',
  excess,
  excessReason,
  blocked: false,
})
const row = (conceptId: string, code: string, days: ReturnType<typeof day>[]) =>
  ({ conceptId, code, description: `Concepto ${code}`, days }) as unknown as TProductionGridRow

beforeAll(async () => {
  await setupI18n('es', ['production'])
})

describe('excess cells without a reason', () => {
  it('lists the saved excess cells without a reason by day and code, and a link selects one', async () => {
    const rows = [
      row('b', '2.10', [day('2026-05-02', '3', true), day('2026-05-03', '1', true, 'Pedido del cliente')]),
      row('a', '2.9', [day('2026-05-02', '1.5', true), day('2026-05-01', '2', false)]),
    ]
    const cells = excessWithoutReason(rows)
    expect(cells.map((c) => `${c.date} ${c.code}`)).toEqual(['2026-05-02 2.9', '2026-05-02 2.10'])
    const onSelect = vi.fn()
    await renderInApp(<ExcessWithoutReason cells={cells} timeType="TE" onSelect={onSelect} />, { org: ES_MX })
    expect(await screen.findByText('Excedentes sin motivo registrado (TE): 2')).toBeTruthy()
    await userEvent.setup().click(screen.getByRole('button', { name: /2\.10/ }))
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ conceptId: 'b', date: '2026-05-02' }))
  })

  it('shows nothing when every excess cell has its reason', async () => {
    const cells = excessWithoutReason([row('a', '1', [day('2026-05-02', '3', true, 'Motivo')])])
    expect(cells).toEqual([])
  })

  it('KeyGrid selects the cell it is asked to', async () => {
    const ranges: Range[] = []
    function Harness() {
      const [target, setTarget] = useState<{ r: number; c: number; n: number } | null>(null)
      return (
        <>
          <button type="button" onClick={() => setTarget({ r: 1, c: 2, n: 1 })}>
            ir
          </button>
          <KeyGrid
            label="Prueba"
            inline
            lead={[{ key: 'l', label: 'Fila', width: 80 }]}
            columns={['a', 'b', 'c'].map((k) => ({ key: k, label: k }))}
            rows={[0, 1].map((i) => ({
              key: `r${i}`,
              lead: [`fila ${i}`],
              cells: [0, 1, 2].map((c) => ({ value: '', text: '', editable: true, name: `${i}|${c}` })),
            }))}
            onSelect={(r) => void ranges.push(r)}
            selectCell={target}
          />
        </>
      )
    }
    render(<Harness />)
    await userEvent.setup().click(screen.getByRole('button', { name: 'ir' }))
    expect(ranges.at(-1)).toEqual({ r0: 1, c0: 2, r1: 1, c1: 2 })
  })
})
