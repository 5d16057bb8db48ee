import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * XSD validation through libxml2 compiled to WebAssembly (xmllint-wasm): no binary, no network. The schemas are
 * vendored beside this file (xsd/, see docs/e-invoicing.md#schemas for what they are and are not).
 */
const require = createRequire(import.meta.url)
type Xmllint = {
  validateXML(o: {
    xml: { fileName: string; contents: string }
    schema: { fileName: string; contents: string }
    preload?: readonly { fileName: string; contents: string }[]
  }): Promise<{ valid: boolean; errors: readonly { message: string }[] }>
}

/**
 * `GuiaRemision_V1.1.0.xsd` and `factura_V1.1.0.xsd` are the SRI's own files (vendored byte for byte, see
 * xsd/NOTICE.md); both import `xmldsig-core-schema.xsd`, which is handed to libxml2 as a preloaded file.
 * `factura_V2.1.0.faena.xsd` is Faena's transcription (no official 2.1.0 file has been found).
 */
export type SchemaName = 'factura_V2.1.0.faena.xsd' | 'GuiaRemision_V1.1.0.xsd' | 'factura_V1.1.0.xsd'
type XsdFile = SchemaName | 'xmldsig-core-schema.xsd'
/** the files a schema imports through schemaLocation, which libxml2 must find beside it */
const IMPORTS: Record<SchemaName, readonly XsdFile[]> = {
  'factura_V2.1.0.faena.xsd': [],
  'GuiaRemision_V1.1.0.xsd': ['xmldsig-core-schema.xsd'],
  'factura_V1.1.0.xsd': ['xmldsig-core-schema.xsd'],
}

const here = path.dirname(fileURLToPath(import.meta.url))
const cache = new Map<XsdFile, string>()
/** the schema's text: beside this file in the sources, or found from the bundle (apps/server/dist/main.mjs) */
export function schemaText(name: XsdFile): string {
  let text = cache.get(name)
  if (text === undefined) {
    const candidates = [path.join(here, 'xsd', name), path.join(here, '../src/modules/e-invoicing/xsd', name)]
    const file = candidates.find((f) => fs.existsSync(f))
    if (!file) throw new Error(`the XSD ${name} is missing (looked in ${candidates.join(', ')})`)
    text = fs.readFileSync(file, 'utf8')
    cache.set(name, text)
  }
  return text
}

export async function validateAgainstXsd(
  xml: string,
  schema: SchemaName,
): Promise<{ valid: boolean; errors: string[] }> {
  const lint = require('xmllint-wasm') as Xmllint
  const result = await lint.validateXML({
    xml: { fileName: 'comprobante.xml', contents: xml },
    schema: { fileName: schema, contents: schemaText(schema) },
    preload: IMPORTS[schema].map((fileName) => ({ fileName, contents: schemaText(fileName) })),
  })
  return { valid: result.valid, errors: result.errors.map((e) => e.message) }
}
