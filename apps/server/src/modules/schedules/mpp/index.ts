/**
 * Native MS Project `.mpp` reader: bytes → the schedule model of the MSPDI parser. Pure (no database, no
 * HTTP). Format, what is read and what is refused: docs/mpp.md.
 */
export { isOle2 } from './container'
export { MppError, type MppErrorCode } from './errors'
export {
  DEFAULT_MPP_LIMITS,
  parseMpp,
  type MppFileInfo,
  type MppLimits,
  type MppSchedule,
  type ParseMppOptions,
} from './reader'
