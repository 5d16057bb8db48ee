/**
 * The values a CHECK constraint allows for one column, read from PostgreSQL's own text of the constraint
 * (`pg_get_constraintdef`), so the generated table types can type the column as a union of literals.
 *
 * Recognised (as PostgreSQL 15 and 18 print them, with or without `col IS NULL OR`):
 *   CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))              status IN ('a', 'b')
 *   CHECK (((status)::text = ANY ((ARRAY['a'::character varying])::text[])))   the same on a varchar
 *   CHECK ((kind = 'a'::text))                                         kind = 'a'
 *   CHECK ((kinds <@ ARRAY['a'::text, 'b'::text]))                     every element of an array column
 * Anything else (ranges, lengths, several columns, OR of other conditions) answers null: not a list.
 */
export type CheckValues = { column: string; values: string[]; array: boolean }

const COLUMN = String.raw`\(?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\)?(?:::[a-z ]+)?`
const CAST = String.raw`(?:::[a-z ]+(?:\[\])?)?`
const LITERAL = String.raw`'((?:[^']|'')*)'` + CAST

export function checkValues(definition: string): CheckValues | null {
  const match = /^CHECK \((.*)\)$/s.exec(definition.trim())
  if (!match) return null
  let body = stripParens(match[1]!)
  // `col IS NULL OR <list>`: NULL passes a CHECK anyway, nullability comes from NOT NULL
  const nullable = new RegExp(String.raw`^\(?${COLUMN} IS NULL\)? OR (.*)$`, 's').exec(body)
  if (nullable) body = stripParens(nullable[2]!)
  const list = new RegExp(String.raw`^${COLUMN} (= ANY|<@) (.*)$`, 's').exec(body)
  if (list) {
    const values = arrayLiteral(stripParens(list[3]!))
    if (!values) return null
    const column = unquote(list[1]!)
    if (nullable && unquote(nullable[1]!) !== column) return null
    return { column, values, array: list[2] === '<@' }
  }
  const single = new RegExp(String.raw`^${COLUMN} = ${LITERAL}$`, 's').exec(body)
  if (single) {
    const column = unquote(single[1]!)
    if (nullable && unquote(nullable[1]!) !== column) return null
    return { column, values: [single[2]!.replaceAll("''", "'")], array: false }
  }
  return null
}

/** `ARRAY['a'::text, 'b'::text]` (optionally cast as a whole, `(ARRAY[...])::text[]`) → ['a', 'b']. */
function arrayLiteral(text: string): string[] | null {
  const cast = new RegExp(String.raw`^\((.*)\)::[a-z ]+\[\]$`, 's').exec(text)
  const inner = /^ARRAY\[(.*)\]$/s.exec(cast ? cast[1]! : text)
  if (!inner) return null
  const values: string[] = []
  const item = new RegExp(String.raw`${LITERAL}(?:, |$)`, 'gy')
  let m: RegExpExecArray | null
  let end = 0
  while ((m = item.exec(inner[1]!)) !== null) {
    values.push(m[1]!.replaceAll("''", "'"))
    end = item.lastIndex
    if (end === inner[1]!.length) break
  }
  return end === inner[1]!.length && values.length > 0 ? values : null
}

/** Removes parentheses that wrap the whole text (as many pairs as there are). */
function stripParens(text: string): string {
  let s = text.trim()
  while (s.startsWith('(') && closingParen(s, 0) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text. */
function closingParen(s: string, open: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < s.length; i++) {
    const c = s[i]!
    if (quote) {
      if (c === quote) quote = null
    } else if (c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name
}
