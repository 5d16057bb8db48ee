/**
 * An exact evaluator for the formula shapes estimate-xlsx.ts writes (for the tests that check the workbook
 * reproduces the API): numbers, cell references (`L12`, `$B$8`, `'Deducciones'!F4`), ranges inside SUM,
 * + − × ÷, comparisons, and SUM, ROUND (half away from zero, as Excel), MIN, MAX, IF. Decimal arithmetic, so
 * it tells what the formulas mean, not what floating point makes of them.
 */
import { Dec } from '../../platform/money/money'

/** A cell as read back: its formula (without '=') if any, else its value. */
export type ReadCell = { formula?: string | undefined; value: string | number | null }
export type CellReader = (sheet: string, address: string) => ReadCell | undefined

type Tok = { k: 'num' | 'ref' | 'fn' | 'op' | '(' | ')' | ','; v: string }

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|((?:'[^']+'|[A-Za-z_][\w.]*)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)(?![\w(])|([A-Z]+)\(|(>=|<=|<>|[-+*/<>=])|(\()|(\))|(,))/y

function tokenize(f: string): Tok[] {
  const out: Tok[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < f.length) {
    if (/^\s*$/.test(f.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(f)
    if (!m) throw new Error(`formula: cannot read ${JSON.stringify(f.slice(pos))} in ${f}`)
    pos = TOKEN.lastIndex
    if (m[1] !== undefined) out.push({ k: 'num', v: m[1] })
    else if (m[2] !== undefined) out.push({ k: 'ref', v: m[2] })
    else if (m[3] !== undefined) out.push({ k: 'fn', v: m[3] })
    else if (m[4] !== undefined) out.push({ k: 'op', v: m[4] })
    else if (m[5] !== undefined) out.push({ k: '(', v: '(' })
    else if (m[6] !== undefined) out.push({ k: ')', v: ')' })
    else out.push({ k: ',', v: ',' })
  }
  return out
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
const colLetters = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : colLetters(Math.floor((n - 1) / 26)) + colLetters(((n - 1) % 26) + 1)

function splitRef(r: string, sheet: string): { sheet: string; from: string; to: string } {
  const bang = r.lastIndexOf('!')
  const s = bang >= 0 ? r.slice(0, bang).replace(/^'|'$/g, '') : sheet
  const [from = '', to] = (bang >= 0 ? r.slice(bang + 1) : r).replace(/\$/g, '').split(':')
  return { sheet: s, from, to: to ?? from }
}

function expand(from: string, to: string): string[] {
  const a = /^([A-Z]+)(\d+)$/.exec(from)!
  const b = /^([A-Z]+)(\d+)$/.exec(to)!
  const out: string[] = []
  for (let c = colIndex(a[1]!); c <= colIndex(b[1]!); c++)
    for (let r = Number(a[2]); r <= Number(b[2]); r++) out.push(`${colLetters(c)}${r}`)
  return out
}

const COMPARISONS = new Set(['>', '<', '>=', '<=', '=', '<>'])

/** A recursive-descent parser over one formula's tokens (methods, not closures: it runs once per cell). */
class Parser {
  private i = 0
  constructor(
    private readonly toks: Tok[],
    private readonly f: string,
    private readonly sheet: string,
    private readonly cell: (sheet: string, address: string) => Dec,
  ) {}

  run(): Dec {
    const v = this.cmp()
    if (this.i !== this.toks.length) throw new Error(`formula: left over in ${this.f}`)
    return v
  }

  private peek(): Tok | undefined {
    return this.toks[this.i]
  }

  private take(k?: Tok['k']): Tok {
    const t = this.toks[this.i++]
    if (!t || (k && t.k !== k)) throw new Error(`formula: unexpected ${t?.v ?? 'end'} in ${this.f}`)
    return t
  }

  private args(): Dec[][] {
    const out: Dec[][] = []
    if (this.peek()?.k === ')') {
      this.take(')')
      return out
    }
    for (;;) {
      const t = this.peek()
      if (t?.k === 'ref' && t.v.includes(':')) {
        this.take()
        const r = splitRef(t.v, this.sheet)
        out.push(expand(r.from, r.to).map((a) => this.cell(r.sheet, a)))
      } else out.push([this.cmp()])
      const n = this.take()
      if (n.k === ')') return out
      if (n.k !== ',') throw new Error(`formula: expected , or ) in ${this.f}`)
    }
  }

  private one(xs: Dec[][], n: number): Dec {
    const v = xs[n]
    if (!v || v.length !== 1) throw new Error(`formula: argument ${n + 1} in ${this.f}`)
    return v[0]!
  }

  private primary(): Dec {
    const t = this.take()
    if (t.k === 'num') return new Dec(t.v)
    if (t.k === '(') {
      const v = this.cmp()
      this.take(')')
      return v
    }
    if (t.k === 'ref') {
      const r = splitRef(t.v, this.sheet)
      if (r.from !== r.to) throw new Error(`formula: a range outside a function in ${this.f}`)
      return this.cell(r.sheet, r.from)
    }
    if (t.k === 'fn') {
      const xs = this.args()
      switch (t.v) {
        case 'SUM':
          return xs.flat().reduce((s, x) => s.plus(x), new Dec(0))
        case 'MIN':
          return Dec.min(...xs.flat())
        case 'MAX':
          return Dec.max(...xs.flat())
        case 'ROUND':
          return this.one(xs, 0).toDecimalPlaces(this.one(xs, 1).toNumber(), Dec.ROUND_HALF_UP)
        case 'IF':
          return this.one(xs, 0).isZero() ? this.one(xs, 2) : this.one(xs, 1)
      }
      throw new Error(`formula: unknown function ${t.v}`)
    }
    if (t.k === 'op' && t.v === '-') return this.primary().negated()
    if (t.k === 'op' && t.v === '+') return this.primary()
    throw new Error(`formula: unexpected ${t.v} in ${this.f}`)
  }

  private mul(): Dec {
    let v = this.primary()
    for (let t = this.peek(); t?.k === 'op' && (t.v === '*' || t.v === '/'); t = this.peek()) {
      this.take()
      const r = this.primary()
      v = t.v === '*' ? v.times(r) : v.dividedBy(r)
    }
    return v
  }

  private add(): Dec {
    let v = this.mul()
    for (let t = this.peek(); t?.k === 'op' && (t.v === '+' || t.v === '-'); t = this.peek()) {
      this.take()
      const r = this.mul()
      v = t.v === '+' ? v.plus(r) : v.minus(r)
    }
    return v
  }

  private cmp(): Dec {
    const l = this.add()
    const t = this.peek()
    if (t?.k !== 'op' || !COMPARISONS.has(t.v)) return l
    this.take()
    const c = l.comparedTo(this.add())
    const yes =
      t.v === '>'
        ? c > 0
        : t.v === '<'
          ? c < 0
          : t.v === '>='
            ? c >= 0
            : t.v === '<='
              ? c <= 0
              : t.v === '='
                ? c === 0
                : c !== 0
    return new Dec(yes ? 1 : 0)
  }
}

/** Evaluates cells of a workbook; each cell is computed once (formulas of formulas are followed). */
export function createEvaluator(read: CellReader) {
  const memo = new Map<string, Dec>()

  function cell(sheet: string, address: string): Dec {
    const key = `${sheet}!${address}`
    const known = memo.get(key)
    if (known) return known
    const c = read(sheet, address)
    let v: Dec
    if (!c || c.value === null || c.value === '') v = new Dec(0)
    else if (c.formula) v = new Parser(tokenize(c.formula), c.formula, sheet, cell).run()
    else if (typeof c.value === 'number') v = new Dec(c.value)
    else if (/^-?\d+(\.\d+)?$/.test(c.value)) v = new Dec(c.value)
    else v = new Dec(0) // text counts as 0 in SUM, as in Excel
    memo.set(key, v)
    return v
  }

  /** The value of `'Sheet'!A1` (as estimate-xlsx.ts names its figures) or of (sheet, address). */
  return (sheetOrRef: string, address?: string): Dec => {
    if (address !== undefined) return cell(sheetOrRef, address)
    const r = splitRef(sheetOrRef, '')
    return cell(r.sheet, r.from)
  }
}
