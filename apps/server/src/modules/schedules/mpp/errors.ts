import { render, type Message } from '../../../platform/i18n/messages'
import { schedulesMessages as M } from '../schedules.messages'

/**
 * Why a `.mpp` file is refused. `code` is stable (the API puts it in `details[].reason`); `msg` is its
 * catalogued message (schedules.messages.ts), `message` its Spanish text, `messageEn` the same in English.
 */
export type MppErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'NOT_OLE2'
  | 'CORRUPT'
  | 'NOT_MPP'
  | 'UNSUPPORTED_VERSION'
  | 'ENCRYPTED'
  | 'SUBPROJECTS'
  | 'NO_TASKS'
  | 'TOO_MANY_RECORDS'

/** Each refusal's catalogued message (`schedules.*`, schedules.messages.ts): Spanish and English. */
const MESSAGES: Record<MppErrorCode, () => Message> = {
  EMPTY: M.fileEmpty,
  TOO_LARGE: M.mppTooLarge,
  NOT_OLE2: M.mppNotOle2,
  CORRUPT: M.mppCorrupt,
  NOT_MPP: M.mppNotProject,
  UNSUPPORTED_VERSION: M.mppUnsupportedVersion,
  ENCRYPTED: M.mppEncrypted,
  SUBPROJECTS: M.mppSubprojects,
  NO_TASKS: M.noTasks,
  TOO_MANY_RECORDS: M.mppTooManyRecords,
}

export class MppError extends Error {
  override readonly name = 'MppError'
  /** The refusal as a catalogued message, answered in the caller's language. */
  readonly msg: Message
  readonly messageEn: string
  constructor(
    readonly code: MppErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    const msg = MESSAGES[code]()
    super(render(msg, 'es'))
    this.msg = msg
    this.messageEn = render(msg, 'en')
  }
}

/** A container or record problem: the file is refused as damaged, with the reason in `details.reason`. */
export const corrupt = (reason: string, details: Record<string, unknown> = {}) =>
  new MppError('CORRUPT', { reason, ...details })
