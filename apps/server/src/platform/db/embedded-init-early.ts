/**
 * Imported first by main.ts, for its side effect: when the command is `serve` on the embedded database and
 * the data folder has no cluster yet, start creating it in a worker thread now, while the main thread loads
 * the rest of the server (embedded-init.ts says why).
 */
import path from 'node:path'
import { createEmbeddedClusterInWorker, isEmbeddedClusterCreated } from './embedded-init'

const command = process.argv[2]
if (command === 'serve' && !process.env.DATABASE_URL) {
  const dir = path.join(path.resolve(process.env.FAENA_DATA_DIR || './data'), 'pglite')
  if (!isEmbeddedClusterCreated(dir)) void createEmbeddedClusterInWorker(dir)
}
