import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { startMailCatcher } from './catcher';
import type { MailCatcher } from './catcher';
import type { CaughtMessage } from './message-store';

const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:meeting-4@stl\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const EVIL_SUBJECT = '<script>alert("subject")</script> Träff 4 i morgon';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  let smtp: Transporter;
  let base: string;
  const caught: CaughtMessage[] = [];

  beforeEach(async () => {
    caught.length = 0;
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, onMessage: (m) => caught.push(m) });
    base = `http://127.0.0.1:${catcher.httpPort}`;
    smtp = createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
  });

  afterEach(async () => {
    smtp.close();
    await catcher.close();
  });

  function sendOne(overrides: Record<string, unknown> = {}): Promise<unknown> {
    return smtp.sendMail({
      from: 'STL-plattformen <no-reply@stl.localhost>',
      to: 'Sara Lindqvist <sara.lindqvist@larkby.se>',
      subject: EVIL_SUBJECT,
      html: '<h1>Hej Sara</h1><p><a href="http://localhost:4200/cohorts/c1/meetings/m4">Öppna träffen</a></p><script>alert("body")</script>',
      text: 'Hej Sara\n\nÖppna träffen: http://localhost:4200/cohorts/c1/meetings/m4',
      headers: { 'X-STL-Idempotency-Key': 'meeting:m4:sara' },
      attachments: [{ filename: 'träff-4.ics', content: ICS, contentType: 'text/calendar; charset=utf-8' }],
      ...overrides,
    });
  }

  async function get(path: string): Promise<Response> {
    return fetch(`${base}${path}`);
  }

  it('receives a mail over SMTP and serves it over the JSON API', async () => {
    await sendOne();
    expect(caught).toHaveLength(1);

    const list = (await (await get('/api/messages')).json()) as any[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      subject: EVIL_SUBJECT,
      to: ['Sara Lindqvist <sara.lindqvist@larkby.se>'],
      from: 'STL-plattformen <no-reply@stl.localhost>',
      attachments: 1,
    });

    const res = await get(`/api/messages/${list[0].id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const one = (await res.json()) as any;
    expect(one.envelope).toEqual({ from: 'no-reply@stl.localhost', to: ['sara.lindqvist@larkby.se'] });
    expect(one.html).toContain('<h1>Hej Sara</h1>');
    expect(one.text).toContain('Öppna träffen: http://localhost:4200/cohorts/c1/meetings/m4');
    expect(one.headers).toContainEqual({
      key: 'x-stl-idempotency-key',
      line: 'X-Stl-Idempotency-Key: meeting:m4:sara',
    });
    expect(one.attachments).toEqual([
      {
        filename: 'träff-4.ics',
        contentType: 'text/calendar',
        size: ICS.length,
        url: `/messages/${one.id}/attachments/0`,
      },
    ]);

    const file = await get(one.attachments[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment;.*filename\*=UTF-8''tr%C3%A4ff-4\.ics/,
    );
    expect(await file.text()).toBe(ICS);

    const source = await get(one.sourceUrl);
    expect(await source.text()).toMatch(/^X-STL-Idempotency-Key: meeting:m4:sara\r$/im);
  });

  it('lists mails newest first, escaping subjects and addresses', async () => {
    await sendOne({ subject: 'Första' });
    await sendOne({ to: '"<b>Elak</b>" <elak@larkby.se>' });
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    const page = await res.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<b>Elak</b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; Träff 4 i morgon');
    expect(page).toContain('&lt;b&gt;Elak&lt;/b&gt;');
    expect(page).toMatch(/<label for="q">/);
    expect(page.indexOf('Träff 4 i morgon')).toBeLessThan(page.indexOf('Första'));
  });

  it('shows one mail with its HTML in a sandboxed frame, the text, links, headers and attachments', async () => {
    await sendOne();
    const [summary] = (await (await get('/api/messages')).json()) as any[];
    const page = await (await get(`/messages/${summary.id}`)).text();
    expect(page).not.toContain('<script');
    expect(page).toMatch(/<iframe sandbox="" srcdoc="[^"]*&lt;h1&gt;Hej Sara&lt;\/h1&gt;[^"]*"/);
    expect(page).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
    expect(page).toContain(
      '<pre>Hej Sara\n\nÖppna träffen: http://localhost:4200/cohorts/c1/meetings/m4</pre>',
    );
    expect(page).toContain(
      '<a href="http://localhost:4200/cohorts/c1/meetings/m4" target="_blank" rel="noopener noreferrer">',
    );
    expect(page).toContain(
      `<a href="/messages/${summary.id}/attachments/0" download="träff-4.ics">träff-4.ics</a>`,
    );
    expect(page).toMatch(/X-STL-Idempotency-Key: meeting:m4:sara/i);
    expect(page).toContain('<h1>&lt;script&gt;');
  });

  it('filters the list', async () => {
    await sendOne({ subject: 'Om träff 4' });
    await sendOne({ subject: 'Om analysomgång 3', to: 'johan.ek@larkby.se' });
    const page = await (await get('/?q=johan')).text();
    expect(page).toContain('Om analysomgång 3');
    expect(page).not.toContain('Om träff 4');
    expect(page).toContain('value="johan"');
  });

  it('empties the inbox over the API and from the page', async () => {
    await sendOne();
    const del = await fetch(`${base}/api/messages`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await (await get('/api/messages')).json()).toEqual([]);

    await sendOne();
    const form = await fetch(`${base}/messages/delete`, { method: 'POST', redirect: 'manual' });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/');
    expect(await (await get('/api/messages')).json()).toEqual([]);
  });

  it('refuses to empty the inbox for a form posted from another site', async () => {
    await sendOne();
    const res = await fetch(`${base}/messages/delete`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await (await get('/api/messages')).json()).toHaveLength(1);
  });

  it('answers 404 for an unknown mail and 405 for a wrong method', async () => {
    expect((await get('/api/messages/999')).status).toBe(404);
    expect((await get('/messages/999')).status).toBe(404);
    expect((await get('/messages/999/attachments/0')).status).toBe(404);
    const put = await fetch(`${base}/api/messages`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE');
  });

  it('accepts a login with any credentials, like an app configured for a real server', async () => {
    const withAuth = createTransport({
      host: '127.0.0.1',
      port: catcher.smtpPort,
      secure: false,
      auth: { user: 'stl', pass: 'whatever' },
    });
    try {
      await withAuth.sendMail({ from: 'a@b.se', to: 'c@d.se', subject: 'Inloggad', text: 'x' });
    } finally {
      withAuth.close();
    }
    expect(caught.map((m) => m.subject)).toEqual(['Inloggad']);
  });
});

describe('mail catcher limits', () => {
  it('keeps only the newest mails', async () => {
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, maxMessages: 2 });
    const smtp = createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
    try {
      for (const subject of ['1', '2', '3'])
        await smtp.sendMail({ from: 'a@b.se', to: 'c@d.se', subject, text: subject });
      const list = (await (await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages`)).json()) as any[];
      expect(list.map((m) => m.subject)).toEqual(['3', '2']);
    } finally {
      smtp.close();
      await catcher.close();
    }
  });

  it('fails to start on a port in use, and leaves nothing running', async () => {
    const first = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    try {
      await expect(startMailCatcher({ smtpPort: 0, httpPort: first.httpPort })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
