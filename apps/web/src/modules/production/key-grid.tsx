/**
 * The spreadsheet-like grid of the production screens (docs/production.md#the-grids): frozen leading columns,
 * one cell per day, keyboard navigation (arrows, Tab/Shift+Tab, Enter, Home/End), range selection (Shift+arrows,
 * mouse drag, a click on a day header selects the column), typing starts editing, Delete clears the range,
 * Ctrl+C copies it as tab-separated text, a paste from Excel fills from the active cell (a single value fills
 * the whole range), Ctrl+D fills down, Ctrl+Z undoes the last unsaved change (the page keeps the history).
 * One keydown handler on the grid and functional state updates: fast typing loses no keys. Rows are memoized,
 * so moving the selection re-renders only the rows it touches.
 */
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'

export type GridCell = {
  /** what the cell shows */
  text: ReactNode
  /** the raw value copied and edited */
  value: string
  editable: boolean
  title?: string | undefined
  className?: string | undefined
  /** a stable name of the cell (`data-cell`), for tests and tools */
  name?: string | undefined
}
export type GridRow = {
  key: string
  lead: ReactNode[]
  cells: GridCell[]
  trail?: ReactNode[]
  className?: string | undefined
}
export type GridColumn = {
  key: string
  label: ReactNode
  title?: string | undefined
  className?: string | undefined
}
export type GridEdit = { row: number; col: number; value: string }

export type KeyGridProps = {
  label: string
  lead: { key: string; label: ReactNode; width: number }[]
  columns: GridColumn[]
  trail?: { key: string; label: ReactNode }[]
  rows: GridRow[]
  /** typed, pasted, cleared or filled values of editable cells ('' clears) */
  onEdit?: (edits: GridEdit[]) => void
  /** Enter or double-click when the cell is edited in a dialog instead of in place */
  onOpen?: (row: number, col: number) => void
  onUndo?: () => void
  /** the selection changed: [r0, c0, r1, c1] (inclusive, ordered) */
  onSelect?: (range: Range) => void
  /** edits in place (production) or through onOpen (daily status) */
  inline: boolean
  /** selects (and focuses) one cell from outside, each time `n` changes (a link to a cell) */
  selectCell?: { r: number; c: number; n: number } | null
}
export type Range = { r0: number; c0: number; r1: number; c1: number }
type Pos = { r: number; c: number }

const order = (a: Pos, b: Pos): Range => ({
  r0: Math.min(a.r, b.r),
  c0: Math.min(a.c, b.c),
  r1: Math.max(a.r, b.r),
  c1: Math.max(a.c, b.c),
})

/** Tab-separated text (Excel's clipboard) → rows of cells. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines.map((l) => l.split('\t'))
}

export function KeyGrid(props: KeyGridProps) {
  const { rows, columns, onEdit, onOpen, onUndo, onSelect, inline, selectCell } = props
  const [anchor, setAnchor] = useState<Pos>({ r: 0, c: 0 })
  const [focus, setFocus] = useState<Pos>({ r: 0, c: 0 })
  const [editing, setEditing] = useState<{ pos: Pos; draft: string } | null>(null)
  const dragging = useRef(false)
  const gridRef = useRef<HTMLDivElement>(null)
  const idBase = useRef(`kg${Math.random().toString(36).slice(2, 8)}`).current
  const nRows = rows.length
  const nCols = columns.length
  const range = order(anchor, focus)

  useEffect(() => onSelect?.(range), [range.r0, range.c0, range.r1, range.c1])
  useEffect(() => {
    if (!selectCell) return
    setEditing(null)
    setAnchor({ r: selectCell.r, c: selectCell.c })
    setFocus({ r: selectCell.r, c: selectCell.c })
    gridRef.current?.focus()
  }, [selectCell?.n])
  useEffect(() => {
    document
      .getElementById(`${idBase}-${focus.r}-${focus.c}`)
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  }, [focus, idBase])

  const clamp = useCallback(
    (p: Pos): Pos => ({ r: Math.max(0, Math.min(nRows - 1, p.r)), c: Math.max(0, Math.min(nCols - 1, p.c)) }),
    [nRows, nCols],
  )
  const moveTo = (p: Pos, extend: boolean) => {
    const next = clamp(p)
    setFocus(next)
    if (!extend) setAnchor(next)
  }
  const cellAt = (r: number, c: number) => rows[r]?.cells[c]
  const edits = (list: GridEdit[]) => {
    const ok = list.filter((e) => cellAt(e.row, e.col)?.editable)
    if (ok.length) onEdit?.(ok)
  }
  const commit = (move: Pos | null) => {
    if (!editing) return
    edits([{ row: editing.pos.r, col: editing.pos.c, value: editing.draft.trim() }])
    setEditing(null)
    if (move) moveTo(move, false)
    gridRef.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return // the editor handles its own keys
    const ctrl = e.ctrlKey || e.metaKey
    const step = (dr: number, dc: number) => {
      e.preventDefault()
      setFocus((f) => {
        const next = clamp({ r: f.r + dr, c: f.c + dc })
        if (!e.shiftKey) setAnchor(next)
        return next
      })
    }
    switch (e.key) {
      case 'ArrowUp':
        return step(-1, 0)
      case 'ArrowDown':
        return step(1, 0)
      case 'ArrowLeft':
        return step(0, -1)
      case 'ArrowRight':
        return step(0, 1)
      case 'Home':
        e.preventDefault()
        return moveTo({ r: focus.r, c: 0 }, e.shiftKey)
      case 'End':
        e.preventDefault()
        return moveTo({ r: focus.r, c: nCols - 1 }, e.shiftKey)
      case 'Tab':
        e.preventDefault()
        return moveTo({ r: focus.r, c: focus.c + (e.shiftKey ? -1 : 1) }, false)
      case 'Enter':
      case 'F2':
        e.preventDefault()
        if (!cellAt(focus.r, focus.c)?.editable) return
        if (inline) setEditing({ pos: focus, draft: cellAt(focus.r, focus.c)?.value ?? '' })
        else onOpen?.(focus.r, focus.c)
        return
      case 'Delete':
      case 'Backspace': {
        e.preventDefault()
        const list: GridEdit[] = []
        for (let r = range.r0; r <= range.r1; r++)
          for (let c = range.c0; c <= range.c1; c++) list.push({ row: r, col: c, value: '' })
        return edits(list)
      }
    }
    if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault()
      return onUndo?.()
    }
    if (ctrl && (e.key === 'd' || e.key === 'D')) {
      e.preventDefault()
      const list: GridEdit[] = []
      for (let c = range.c0; c <= range.c1; c++) {
        const top = cellAt(range.r0, c)?.value ?? ''
        for (let r = range.r0 + 1; r <= range.r1; r++) list.push({ row: r, col: c, value: top })
      }
      return edits(list)
    }
    if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault()
      setAnchor({ r: 0, c: 0 })
      setFocus({ r: nRows - 1, c: nCols - 1 })
      return
    }
    if (!ctrl && !e.altKey && e.key.length === 1 && inline && cellAt(focus.r, focus.c)?.editable) {
      e.preventDefault()
      setAnchor(focus)
      setEditing({ pos: focus, draft: e.key })
    }
  }

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    e.preventDefault()
    const lines: string[] = []
    for (let r = range.r0; r <= range.r1; r++) {
      const vals: string[] = []
      for (let c = range.c0; c <= range.c1; c++) vals.push(cellAt(r, c)?.value ?? '')
      lines.push(vals.join('\t'))
    }
    e.clipboardData.setData('text/plain', lines.join('\n'))
  }

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    e.preventDefault()
    const data = parseTsv(e.clipboardData.getData('text/plain'))
    const list: GridEdit[] = []
    if (data.length === 1 && data[0]!.length === 1) {
      for (let r = range.r0; r <= range.r1; r++)
        for (let c = range.c0; c <= range.c1; c++) list.push({ row: r, col: c, value: data[0]![0]!.trim() })
    } else {
      data.forEach((line, i) =>
        line.forEach((v, j) => {
          const r = range.r0 + i
          const c = range.c0 + j
          if (r < nRows && c < nCols) list.push({ row: r, col: c, value: v.trim() })
        }),
      )
      setFocus(
        clamp({ r: range.r0 + data.length - 1, c: range.c0 + Math.max(...data.map((l) => l.length)) - 1 }),
      )
    }
    edits(list)
  }

  const onCellDown = (r: number, c: number, shift: boolean) => {
    if (editing) commit(null)
    dragging.current = true
    setFocus({ r, c })
    if (!shift) setAnchor({ r, c })
    // the pressed cell is on screen: focusing the grid must not scroll the page, or the cell under the
    // still-pressed pointer changes and the press becomes a drag over two cells
    gridRef.current?.focus({ preventScroll: true })
  }
  const onCellEnter = (r: number, c: number) => {
    if (dragging.current) setFocus({ r, c })
  }
  useEffect(() => {
    const up = () => (dragging.current = false)
    window.addEventListener('mouseup', up)
    return () => window.removeEventListener('mouseup', up)
  }, [])

  const selectColumn = (c: number) => {
    setAnchor({ r: 0, c })
    setFocus({ r: nRows - 1, c })
    gridRef.current?.focus()
  }

  const handlers = useRef<Handlers>(null!)
  handlers.current = {
    setDraft: (draft) => setEditing((ed) => (ed ? { ...ed, draft } : ed)),
    commit,
    cancel: () => {
      setEditing(null)
      gridRef.current?.focus()
    },
    onCellDown,
    onCellEnter,
    onOpen: (r, c) =>
      inline ? setEditing({ pos: { r, c }, draft: rows[r]?.cells[c]?.value ?? '' }) : onOpen?.(r, c),
  }

  let left = 0
  const leadLeft = props.lead.map((l) => {
    const x = left
    left += l.width
    return x
  })

  return (
    <div
      ref={gridRef}
      className="kg"
      role="grid"
      aria-label={props.label}
      aria-rowcount={nRows + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={nRows ? `${idBase}-${focus.r}-${focus.c}` : undefined}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <table className="kg__table">
        <thead>
          <tr role="row">
            {props.lead.map((l, i) => (
              <th
                key={l.key}
                role="columnheader"
                className="kg__lead kg__head"
                style={{ left: leadLeft[i], minWidth: l.width, maxWidth: l.width }}
              >
                {l.label}
              </th>
            ))}
            {columns.map((col, c) => (
              <th
                key={col.key}
                role="columnheader"
                className={`kg__head kg__day ${col.className ?? ''}`}
                title={col.title}
                onClick={() => selectColumn(c)}
              >
                {col.label}
              </th>
            ))}
            {(props.trail ?? []).map((t) => (
              <th key={t.key} role="columnheader" className="kg__head kg__trail">
                {t.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <Row
              key={row.key}
              row={row}
              r={r}
              idBase={idBase}
              leadLeft={leadLeft}
              leadWidths={props.lead.map((l) => l.width)}
              sel={r >= range.r0 && r <= range.r1 ? range : null}
              focusCol={focus.r === r ? focus.c : -1}
              editing={editing && editing.pos.r === r ? editing : null}
              h={handlers}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

type Handlers = {
  setDraft: (d: string) => void
  commit: (move: Pos | null) => void
  cancel: () => void
  onCellDown: (r: number, c: number, shift: boolean) => void
  onCellEnter: (r: number, c: number) => void
  onOpen: (r: number, c: number) => void
}
type RowProps = {
  row: GridRow
  r: number
  idBase: string
  leadLeft: number[]
  leadWidths: number[]
  sel: Range | null
  focusCol: number
  editing: { pos: Pos; draft: string } | null
  /** the grid's current handlers (a stable ref: rows that do not re-render still call the latest ones) */
  h: { current: Handlers }
}

const Row = memo(
  function Row(p: RowProps) {
    const { row, r } = p
    return (
      <tr role="row" className={row.className}>
        {row.lead.map((x, i) => (
          <th
            key={i}
            role="rowheader"
            className="kg__lead"
            style={{ left: p.leadLeft[i], minWidth: p.leadWidths[i], maxWidth: p.leadWidths[i] }}
          >
            {x}
          </th>
        ))}
        {row.cells.map((cell, c) => {
          const selected = p.sel !== null && c >= p.sel.c0 && c <= p.sel.c1
          const focused = p.focusCol === c
          const isEditing = p.editing !== null && p.editing.pos.c === c
          return (
            <td
              key={c}
              id={`${p.idBase}-${r}-${c}`}
              role="gridcell"
              aria-selected={selected}
              aria-readonly={!cell.editable || undefined}
              data-cell={cell.name}
              title={cell.title}
              className={[
                'kg__cell',
                cell.editable ? '' : 'kg__cell--ro',
                selected ? 'kg__cell--sel' : '',
                focused ? 'kg__cell--focus' : '',
                cell.className ?? '',
              ].join(' ')}
              onMouseDown={(e) => {
                if (isEditing) return
                e.preventDefault()
                p.h.current.onCellDown(r, c, e.shiftKey)
              }}
              onMouseEnter={() => p.h.current.onCellEnter(r, c)}
              onDoubleClick={() => cell.editable && p.h.current.onOpen(r, c)}
            >
              {isEditing ? (
                <input
                  className="kg__editor"
                  autoFocus
                  aria-label={cell.title}
                  value={p.editing!.draft}
                  onChange={(e) => p.h.current.setDraft(e.target.value)}
                  onBlur={() => p.h.current.commit(null)}
                  onKeyDown={(e) => {
                    e.stopPropagation()
                    const to = (dr: number, dc: number) => {
                      e.preventDefault()
                      p.h.current.commit({ r: r + dr, c: c + dc })
                    }
                    if (e.key === 'Enter') to(e.shiftKey ? -1 : 1, 0)
                    else if (e.key === 'Tab') to(0, e.shiftKey ? -1 : 1)
                    else if (e.key === 'ArrowUp') to(-1, 0)
                    else if (e.key === 'ArrowDown') to(1, 0)
                    else if (e.key === 'Escape') {
                      e.preventDefault()
                      p.h.current.cancel()
                    }
                  }}
                />
              ) : (
                cell.text
              )}
            </td>
          )
        })}
        {(row.trail ?? []).map((x, i) => (
          <td key={`t${i}`} role="gridcell" className="kg__trail">
            {x}
          </td>
        ))}
      </tr>
    )
  },
  (a, b) =>
    a.row === b.row &&
    (a.sel === null) === (b.sel === null) &&
    a.sel?.c0 === b.sel?.c0 &&
    a.sel?.c1 === b.sel?.c1 &&
    a.focusCol === b.focusCol &&
    a.editing === b.editing &&
    a.leadLeft.join() === b.leadLeft.join(),
)
