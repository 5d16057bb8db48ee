/**
 * `describeRealFiles('ANEXO_C_CONTRATO.xlsx', …)`: a suite on the real files, skipped (and counted as
 * skipped) where they are not; vitest.config.ts prints the one line that says why.
 */
import { describe } from 'vitest'
import { REAL_FILES_TITLE, realFixtures } from './real-fixtures-dir'

export { realFixturePath, realFixtures } from './real-fixtures-dir'

export function describeRealFiles(name: string, body: () => void): void {
  describe.skipIf(!realFixtures.dir)(`${REAL_FILES_TITLE} › ${name}`, body)
}
