/** Document numbering: per-organization consecutive series allocated inside the caller's transaction. */
export { allocateNumber, lastAllocatedNumber, type AllocateNumberOptions } from './numbering'
