/** Outgoing e-mail, the platform's only entry for it (docs/mail.md). */
export { createMailService, type MailDeps, type MailService, type OutgoingMail } from './mail.service'
export { smtpTransport, type MailTransportFactory, type SmtpSettings } from './mail-sending'
export { mailRoutes } from './mail.routes'
export type { MailTables } from './mail.tables'
