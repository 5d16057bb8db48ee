/**
 * Pure business rules shared by the server and the web (docs/architecture.md#rules-written-once).
 * No database, no I/O, no framework; every rule has its unit tests beside it.
 * Calendar dates are a separate entry, `@faena/domain/calendar-date`, so screens that do not need them do
 * not download the date library.
 */
export * from './amounts'
export * from './due-steps'
export * from './location'
export * from './visit-hours'
export * from './volume-conversion'
