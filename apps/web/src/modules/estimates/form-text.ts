/** The estimate forms' text inputs read into the contracts' own schemas. */
import { z } from 'zod'

/**
 * A decimal typed by a user ("18,25" or "18.25"): trimmed, a comma read as the decimal point; a blank one
 * becomes `blank` (e.g. '0' for an amount left empty, undefined for an optional field), then the contract's
 * schema decides.
 */
export const decimalText = <S extends z.ZodType>(schema: S, blank?: string) =>
  z
    .string()
    .transform((v) => {
      const s = v.trim().replace(',', '.')
      return s === '' ? blank : s
    })
    .pipe(schema as unknown as z.ZodType<z.output<S>, string | undefined>)
