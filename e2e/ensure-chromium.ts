/** `npm run test:e2e` runs this first: find Debian's chromium, or install it (as root), or say what to do. */
import { ensureChromium } from './chromium'

try {
  const executable = ensureChromium()
  console.log(`e2e: chromium at ${executable}`)
} catch (error) {
  console.error(`e2e: ${(error as Error).message}`)
  process.exit(1)
}
