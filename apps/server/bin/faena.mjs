#!/usr/bin/env node
// The `faena` command: runs the TypeScript CLI through tsx (Node 22 from the project's `node` devDependency).
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
