export { IDEMPOTENCY_HEADER } from './mail-transport';
export type {
  MailAddress,
  MailAttachment,
  MailTransport,
  OutgoingMail,
  SendHooks,
  SendResult,
} from './mail-transport';
export {
  DEFAULT_MAIL_FROM,
  LOCAL_CATCHER,
  MAIL_SECRET_KEYS,
  MailConfigError,
  describeMailConfig,
  mailConfigFromEnv,
  parseMailConfig,
} from './mail-config';
export type { SmtpMailConfig } from './mail-config';
export { MailDeliveryError, classifySmtpError } from './classify-smtp-error';
export type { SmtpErrorClass } from './classify-smtp-error';
export {
  SMTP_DEFAULTS,
  SmtpMailTransport,
  messageIdFor,
  smtpTransactionBoundMs,
} from './smtp-mail-transport';
export type { SmtpTransportOptions } from './smtp-mail-transport';
