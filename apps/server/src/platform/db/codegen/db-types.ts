/** `npm run db:types`: regenerates platform/db/generated/tables.gen.ts from the migrations (table-types.ts). */
import fs from 'node:fs'
import { GENERATED_FILE, generateTableTypes } from './table-types'

const text = await generateTableTypes()
const before = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : ''
fs.mkdirSync(new URL('../generated/', import.meta.url), { recursive: true })
fs.writeFileSync(GENERATED_FILE, text)
console.log(before === text ? `${GENERATED_FILE}: unchanged` : `${GENERATED_FILE}: written`)
