/** `npm run api:types`: writes apps/web/src/platform/api-schema.gen.ts from the server's routes (api-schema.ts). */
import fs from 'node:fs'
import { API_SCHEMA_FILE, generateApiSchema } from './platform/http/api-schema'

const text = await generateApiSchema()
const before = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : ''
fs.writeFileSync(API_SCHEMA_FILE, text)
console.log(before === text ? `${API_SCHEMA_FILE}: unchanged` : `${API_SCHEMA_FILE}: written`)
process.exit(0)
