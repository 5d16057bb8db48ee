import { describe, expect, it } from 'vitest'
import { xmlBoundPassed } from './xml-bounds'

const wide = { maxElements: 1_000, maxDepth: 1_000 }

describe('xmlBoundPassed', () => {
  it('counts start and empty elements, not end tags, comments, CDATA, declarations or instructions', () => {
    const xml = `<?xml version="1.0"?><!-- <x><x> --><a b="1>2" c='<'><b/><c><![CDATA[<d><d>]]></c></a>`
    expect(xmlBoundPassed(xml, { ...wide, maxElements: 3 })).toBeNull()
    expect(xmlBoundPassed(xml, { ...wide, maxElements: 2 })).toMatchObject({ limit: 'elements' })
  })

  it('measures nesting; empty elements and closed siblings do not deepen it', () => {
    const xml = '<a><b><c/><c/></b><b><c><d/></c></b></a>'
    expect(xmlBoundPassed(xml, { ...wide, maxDepth: 3 })).toBeNull()
    expect(xmlBoundPassed(xml, { ...wide, maxDepth: 2 })).toMatchObject({ limit: 'depth', at: 21 })
  })

  it('text without markup, or cut in the middle of a tag, passes (the parser judges the syntax)', () => {
    expect(xmlBoundPassed('solo texto', wide)).toBeNull()
    expect(xmlBoundPassed('<a><b', wide)).toBeNull()
    expect(xmlBoundPassed('<a><!-- sin cerrar', wide)).toBeNull()
  })
})
