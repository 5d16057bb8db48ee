import { describe, expect, it } from 'vitest'
import { describeFailure, isTemporary, sendWithRetries, type MailTransportFactory } from './mail-sending'

const smtp = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls' as const,
  username: null,
  password: null,
  from: { address: 'faena@example.com', name: null },
}
const message = { to: ['a@example.com'], subject: 'S', text: 'T', html: null, attachments: [] }

/** A transport that fails with the given errors in turn, then sends. */
const failing =
  (errors: Error[]): MailTransportFactory =>
  () => ({
    send: () => {
      const err = errors.shift()
      return err ? Promise.reject(err) : Promise.resolve({ messageId: '<ok@x>' })
    },
  })
const smtpError = (responseCode: number, response: string) =>
  Object.assign(new Error(response), { responseCode, response })

async function run(errors: Error[], delaysMs = [10, 20]) {
  const log: string[] = []
  const slept: number[] = []
  const outcome = await sendWithRetries({
    smtp,
    message,
    delaysMs,
    transport: failing(errors),
    onAttempt: async () => void log.push('try'),
    onFailure: async (error, final) => void log.push(`${final ? 'final' : 'again'}: ${error}`),
    sleep: async (ms) => void slept.push(ms),
  })
  return { outcome, log, slept }
}

describe('sendWithRetries', () => {
  it('sends at the first try when the server takes it', async () => {
    const { outcome, log } = await run([])
    expect(outcome).toEqual({ sent: true, messageId: '<ok@x>', attempts: 1 })
    expect(log).toEqual(['try'])
  })

  it('tries again after a temporary refusal or a network failure, waiting the given delays', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNREFUSED' })
    const { outcome, log, slept } = await run([smtpError(421, '421 Try again later'), refused])
    expect(outcome).toEqual({ sent: true, messageId: '<ok@x>', attempts: 3 })
    expect(slept).toEqual([10, 20])
    expect(log).toEqual([
      'try',
      'again: 421 Try again later',
      'try',
      'again: connect ECONNREFUSED 127.0.0.1:2525',
      'try',
    ])
  })

  it('gives up after the last delay', async () => {
    const busy = () => smtpError(451, '451 Busy')
    const { outcome, log } = await run([busy(), busy(), busy()])
    expect(outcome).toEqual({ sent: false, error: '451 Busy', attempts: 3 })
    expect(log.at(-1)).toBe('final: 451 Busy')
  })

  it('does not try again after a permanent refusal', async () => {
    const { outcome, slept } = await run([smtpError(550, '550 No such user')])
    expect(outcome).toEqual({ sent: false, error: '550 No such user', attempts: 1 })
    expect(slept).toEqual([])
  })
})

describe('failure classification', () => {
  it('5xx is permanent; 4xx and no code are temporary', () => {
    expect(isTemporary(smtpError(535, 'auth'))).toBe(false)
    expect(isTemporary(smtpError(450, 'later'))).toBe(true)
    expect(isTemporary(new Error('timeout'))).toBe(true)
    expect(isTemporary(Object.assign(new Error('Missing credentials'), { code: 'EAUTH' }))).toBe(false)
    expect(isTemporary(Object.assign(smtpError(421, 'busy'), { code: 'EENVELOPE' }))).toBe(true)
  })
  it('says the server answer, or the error code and message', () => {
    expect(describeFailure(smtpError(550, '550 5.1.1 Unknown'))).toBe('550 5.1.1 Unknown')
    expect(describeFailure(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toBe(
      'ETIMEDOUT: Greeting never received',
    )
  })
})
