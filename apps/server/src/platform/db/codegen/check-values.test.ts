import { describe, expect, it } from 'vitest'
import { checkValues } from './check-values'

describe('checkValues: the values a CHECK constraint lists for one column', () => {
  it('reads `col IN (...)` as PostgreSQL prints it', () => {
    expect(
      checkValues("CHECK ((status = ANY (ARRAY['draft'::text, 'closed'::text, 'void'::text])))"),
    ).toEqual({
      column: 'status',
      values: ['draft', 'closed', 'void'],
      array: false,
    })
  })

  it('reads the varchar form with casts around the column and the array', () => {
    expect(
      checkValues(
        "CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))",
      ),
    ).toEqual({ column: 'kind', values: ['a', 'b'], array: false })
  })

  it('reads a single allowed value, quoted names and doubled quotes', () => {
    expect(checkValues("CHECK ((kind = 'it''s'::text))")).toEqual({
      column: 'kind',
      values: ["it's"],
      array: false,
    })
    expect(checkValues(`CHECK (("position" = ANY (ARRAY['x'::text])))`)).toEqual({
      column: 'position',
      values: ['x'],
      array: false,
    })
  })

  it('reads `col IS NULL OR col IN (...)` on the same column only', () => {
    expect(
      checkValues("CHECK (((cardinal IS NULL) OR (cardinal = ANY (ARRAY['north'::text, 'south'::text]))))"),
    ).toEqual({ column: 'cardinal', values: ['north', 'south'], array: false })
    expect(checkValues("CHECK (((other IS NULL) OR (cardinal = ANY (ARRAY['north'::text]))))")).toBeNull()
  })

  it('reads an array column contained in a list as an array of the values', () => {
    expect(checkValues("CHECK ((site_kinds <@ ARRAY['vessel'::text, 'yard'::text]))")).toEqual({
      column: 'site_kinds',
      values: ['vessel', 'yard'],
      array: true,
    })
  })

  it('answers null for anything that is not a list of values', () => {
    for (const definition of [
      'CHECK ((quantity >= 0))',
      'CHECK (((length(name) >= 1) AND (length(name) <= 200)))',
      "CHECK ((code ~ '^[a-z0-9_]{1,40}$'::text))",
      "CHECK (((status <> 'invoiced'::text) OR (invoice_reference IS NOT NULL)))",
      "CHECK (((status = 'completed'::text) = (completed_date IS NOT NULL)))",
      "CHECK ((jsonb_typeof(rate_history) = 'array'::text))",
      "CHECK (((status <> ALL (ARRAY['a'::text, 'b'::text])) OR (x IS NOT NULL)))",
      "CHECK ((status = ANY (ARRAY['a'::text, b)))",
      'NOT A CHECK',
    ])
      expect(checkValues(definition), definition).toBeNull()
  })
})
