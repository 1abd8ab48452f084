export { startTestSmtpServer } from './test-smtp-server';
export type { ReceivedMail, TestSmtpServer, TestSmtpServerOptions } from './test-smtp-server';
