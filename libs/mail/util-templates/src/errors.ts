/** Rendering was asked for something it cannot render safely (bad URL, missing link parameter…). */
export class MailTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailTemplateError';
  }
}
