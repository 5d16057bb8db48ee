import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Where file bytes live. Local disk now; an S3-compatible store can implement the same two calls. */
export type FileStore = {
  /** stores the bytes under their content hash; returns the key and the hash */
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>
  read(key: string): Promise<Buffer>
  /** deletes the bytes of a key no file row points at any more (clean-up of job results) */
  remove?(key: string): Promise<void>
}

export function createLocalFileStore(root: string): FileStore {
  return {
    async put(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
      const key = path.posix.join(sha256.slice(0, 2), sha256)
      const full = path.join(root, key)
      if (!fs.existsSync(full)) {
        await fs.promises.mkdir(path.dirname(full), { recursive: true })
        const tmp = `${full}.${process.pid}.tmp`
        await fs.promises.writeFile(tmp, bytes)
        await fs.promises.rename(tmp, full)
      }
      return { key, sha256 }
    },
    async read(key) {
      if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('bad storage key')
      return fs.promises.readFile(path.join(root, key))
    },
    async remove(key) {
      if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('bad storage key')
      await fs.promises.rm(path.join(root, key), { force: true })
    },
  }
}
