/**
 * Counts the elements of an XML text and their nesting in one pass over its characters, allocating
 * nothing, so that a document read whole (MS Project XML) can be refused before a parser builds its tree.
 * Comments, CDATA sections, processing instructions and declarations are skipped; an end tag closes a level.
 * Returns the first bound passed, or null. Not a validator: the parser that follows still checks the syntax.
 */
export function xmlBoundPassed(
  text: string,
  bounds: { maxElements: number; maxDepth: number },
): { limit: 'elements' | 'depth'; at: number } | null {
  let depth = 0
  let elements = 0
  let i = 0
  const length = text.length
  for (;;) {
    const lt = text.indexOf('<', i)
    if (lt < 0 || lt + 1 >= length) return null
    const next = text.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */) {
      const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : '>'
      const end = text.indexOf(close, lt + 2)
      if (end < 0) return null
      i = end + close.length
      continue
    }
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2)
      if (end < 0) return null
      i = end + 2
      continue
    }
    if (next === 0x2f /* / */) {
      depth--
      i = lt + 2
      continue
    }
    // a start tag: its end is the first '>' outside a quoted attribute value
    let j = lt + 1
    let quote = 0
    for (; j < length; j++) {
      const c = text.charCodeAt(j)
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === 0x22 || c === 0x27) quote = c
      else if (c === 0x3e /* > */) break
    }
    elements++
    if (elements > bounds.maxElements) return { limit: 'elements', at: lt }
    if (text.charCodeAt(j - 1) !== 0x2f /* / */) {
      depth++
      if (depth > bounds.maxDepth) return { limit: 'depth', at: lt }
    }
    i = j + 1
  }
}
