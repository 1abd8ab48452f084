import { MailDeliveryError, classifySmtpError } from './classify-smtp-error';

const smtpError = (props: Record<string, unknown>): Error => Object.assign(new Error('failed'), props);

describe('classifySmtpError', () => {
  it.each([
    [
      'rejected recipient',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' },
    ],
    [
      'rejected message',
      { code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Rejected as spam', command: 'DATA' },
    ],
    ['no recipients at all', { code: 'EENVELOPE', command: 'API' }],
    ['message too large', { code: 'EMESSAGE', command: 'MAIL FROM' }],
  ])('calls a %s permanent', (_name, props) => {
    expect(classifySmtpError(smtpError(props)).permanent).toBe(true);
  });

  it.each([
    [
      'greylisting',
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 Try again later', command: 'RCPT TO' },
    ],
    ['a full mailbox for now', { code: 'EMESSAGE', responseCode: 452, response: '452 Insufficient storage' }],
    [
      'a refused connection',
      { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:1' },
    ],
    ['a connection timeout', { code: 'ETIMEDOUT', command: 'CONN' }],
    ['a DNS failure', { code: 'EDNS', message: 'getaddrinfo EAI_AGAIN smtp.example.se' }],
    ['a TLS failure', { code: 'ETLS' }],
    [
      'a failed login (settings, not the message)',
      { code: 'EAUTH', responseCode: 535, response: '535 Invalid login' },
    ],
    ['an unknown error', {}],
  ])('calls %s transient', (_name, props) => {
    expect(classifySmtpError(smtpError(props)).permanent).toBe(false);
  });

  it('gives a short reason with code, server reply and command', () => {
    const { reason } = classifySmtpError(
      smtpError({
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 No such user',
        command: 'RCPT TO',
      }),
    );
    expect(reason).toBe('EENVELOPE 550 5.1.1 No such user (RCPT TO)');
    expect(classifySmtpError(smtpError({ response: 'x'.repeat(2000) })).reason.length).toBeLessThanOrEqual(
      500,
    );
  });

  it('handles things that are not errors', () => {
    expect(classifySmtpError('boom')).toEqual({ permanent: false, reason: 'boom' });
    expect(classifySmtpError(undefined).permanent).toBe(false);
  });

  it('reads back the classification of a MailDeliveryError', () => {
    const err = new MailDeliveryError(
      smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 no' }),
    );
    expect(err.permanent).toBe(true);
    expect(err.responseCode).toBe(550);
    expect(err.code).toBe('EENVELOPE');
    expect(classifySmtpError(err)).toEqual({ permanent: true, reason: err.reason });
    expect(err.message).toMatch(/permanent/);
  });
});
