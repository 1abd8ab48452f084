import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { AdminFailedMailPage } from './failed-mail.page';

const mail = (id: string, status: 'FAILED' | 'UNCONFIRMED', toAddress: string, lastError: string) => ({
  id,
  kind: 'NUDGE',
  status,
  toAddress,
  attempts: 1,
  lastError,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:01:00.000Z',
});
const REFUSED = mail('m1', 'FAILED', 'lars@larkby.example', '550 mailbox unavailable');
const UNKNOWN = mail(
  'm2',
  'UNCONFIRMED',
  'sara@larkby.example',
  'Outcome unknown: the server received the whole message but did not confirm it (ETIMEDOUT).',
);

const session = { viewer: signal({ organisation: { id: 'o1', name: 'Lärkby kommun' } }) };

async function setup() {
  await render(AdminFailedMailPage, {
    providers: [provideGraphqlTesting(), provideI18nTesting(), { provide: SessionStore, useValue: session }],
  });
  const api = TestBed.inject(GraphqlTesting);
  api.expect('FailedMail').answer({
    failedMail: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [REFUSED, UNKNOWN],
    },
  });
  await settle();
  return api;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

const rowOf = (address: string) =>
  screen.getAllByTestId('failed-mail').find((r) => r.textContent?.includes(address)) as HTMLElement;

describe('AdminFailedMailPage: unconfirmed mail shown honestly (issue 16)', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('labels each row by its state; an unconfirmed one says it may have arrived and offers no plain resend', async () => {
    await setup();
    const refused = within(rowOf('lars@larkby.example'));
    expect(refused.getByTestId('mail-state').textContent?.trim()).toBe('Not delivered');
    expect(refused.getByRole('button', { name: /Send again/ })).toBeTruthy();

    const unknown = within(rowOf('sara@larkby.example'));
    expect(unknown.getByTestId('mail-state').textContent?.trim()).toBe('Unconfirmed');
    expect(unknown.getByTestId('unconfirmed-reason').textContent).toContain('It may have arrived');
    expect(unknown.queryByRole('button', { name: /^Send again/ })).toBeNull();
    expect(unknown.getByRole('button', { name: /Mark as delivered/ })).toBeTruthy();
  });

  it('resends an unconfirmed mail only after a warning that the recipient may get two copies', async () => {
    const api = await setup();
    const unknown = within(rowOf('sara@larkby.example'));
    fireEvent.click(unknown.getByRole('button', { name: /Send anyway/ }));
    await settle();
    expect(unknown.getByTestId('resend-warning').textContent).toContain(
      'sara@larkby.example may get two copies',
    );
    // Cancelling closes the warning without asking the API.
    fireEvent.click(unknown.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(unknown.queryByTestId('resend-warning')).toBeNull();

    fireEvent.click(unknown.getByRole('button', { name: /Send anyway/ }));
    await settle();
    fireEvent.click(unknown.getByRole('button', { name: /Send again, risking two copies/ }));
    const resend = api.expect('ResendUnconfirmedMail');
    expect(resend.variables).toEqual({ id: 'm2' });
    resend.answer({ resendUnconfirmedMail: { id: 'm2', status: 'PENDING', attempts: 1, lastError: null } });
    await settle();
    expect(screen.getByTestId('mail-status').textContent).toContain(
      'The e-mail to sara@larkby.example will be sent again. The recipient may get two copies.',
    );
    expect(screen.getAllByTestId('failed-mail')).toHaveLength(1);
  });

  it('marks an unconfirmed mail delivered', async () => {
    const api = await setup();
    fireEvent.click(within(rowOf('sara@larkby.example')).getByRole('button', { name: /Mark as delivered/ }));
    const marked = api.expect('MarkMailDelivered');
    expect(marked.variables).toEqual({ id: 'm2' });
    marked.answer({ markMailDelivered: { id: 'm2', status: 'SENT', attempts: 1, lastError: null } });
    await settle();
    expect(screen.getByTestId('mail-status').textContent).toContain(
      'The e-mail to sara@larkby.example is marked as delivered.',
    );
    expect(screen.queryByText('sara@larkby.example')).toBeNull();
  });
});
