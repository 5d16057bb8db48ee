import { describe, expect, it } from 'vitest'
import { mspdiBytes, syntheticProject, wbsProject } from '../../../test/fixtures/mspdi'
import { DEFAULT_IMPORT_LIMITS } from '../../platform/spreadsheet/import-limits'
import { MspdiError, parseMspdi } from './mspdi-parser'

const NS = 'http://schemas.microsoft.com/project'

function refusal(input: string | Buffer, options?: Parameters<typeof parseMspdi>[1]): MspdiError {
  try {
    parseMspdi(input, options)
  } catch (e) {
    expect(e).toBeInstanceOf(MspdiError)
    return e as MspdiError
  }
  throw new Error('expected an MspdiError')
}

describe('parseMspdi — element and nesting bounds (413 before the tree grows)', () => {
  it('a document of a million and more tiny elements is refused at the element limit', () => {
    const tasks = '<Task><X/></Task>'.repeat(600_000) // 1.2 M elements in 10 MB: ~400 MB of tree unbounded
    const err = refusal(`<?xml version="1.0"?><Project xmlns="${NS}"><Tasks>${tasks}</Tasks></Project>`)
    expect(err.code).toBe('TOO_LARGE') // 413 through the schedules service
    expect(err.details).toMatchObject({ limit: 'elements', max: DEFAULT_IMPORT_LIMITS.maxElements })
    expect(err.message).toBe(
      'El archivo tiene más de 1,000,000 elementos XML (límite por archivo). Divide el archivo o quita lo que sobra.',
    )
    expect(err.details?.en).toBe(
      'The file has more than 1,000,000 XML elements (limit per file). Split the file or remove what is not needed.',
    )
  }, 60_000)

  it('nesting deeper than the limit is refused before the validator stacks every open tag', () => {
    const deep = '<a>'.repeat(200_000) + '</a>'.repeat(200_000)
    const err = refusal(`<Project xmlns="${NS}"><Name>${deep}</Name></Project>`)
    expect(err.code).toBe('TOO_LARGE')
    expect(err.details).toMatchObject({ limit: 'depth', max: 64 })
  })

  it('a real-size schedule passes; the bounds can be set per call', () => {
    const schedule = parseMspdi(mspdiBytes(syntheticProject(2_000)))
    expect(schedule.tasks).toHaveLength(2_000)
    expect(refusal(mspdiBytes(syntheticProject(2_000)), { maxElements: 10_000 }).details).toMatchObject({
      limit: 'elements',
      max: 10_000,
    })
    expect(parseMspdi(mspdiBytes(wbsProject()), { maxDepth: 8 }).tasks.length).toBeGreaterThan(0)
  })

  it('DOCTYPE and entities stay refused (XXE, billion laughs)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${NS}"><Name>&x;</Name></Project>`
    expect(refusal(xxe).code).toBe('UNSAFE_XML')
    const laughs = `<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project xmlns="${NS}"><Name>&b;</Name></Project>`
    expect(refusal(laughs).code).toBe('UNSAFE_XML')
  })
})
