import { jest } from '@jest/globals';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { LinkSignInPage } from './link-sign-in.page';
import { RequestLinkPage } from './request-link.page';
import { SetPasswordPage } from './set-password.page';

const TOKEN = 'Abc_def-0123456789012345678901234567890123';

const viewer = {
  email: 'olle.ohlsson@larkby.example',
  person: { id: 'p1', fullName: 'Olle Ohlsson', locale: 'sv', schoolId: null },
  organisation: { id: 'o1', name: 'Lärkby kommun' },
  roles: [],
};

/** The page with the link's fragment in the route, as the router gives it. */
function providers(fragment: string | null) {
  return [
    provideGraphqlTesting(),
    provideI18nTesting(),
    provideRouter([]),
    { provide: ActivatedRoute, useValue: { snapshot: { fragment } } },
  ];
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
}

const api = () => TestBed.inject(GraphqlTesting);
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('asking for a mailed link', () => {
  afterEach(() => api().verify());

  it('checks the address first, then says the same thing whether or not there is an account', async () => {
    const { fixture } = await render(RequestLinkPage, {
      providers: providers(null),
      componentInputs: { kind: 'passwordReset' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    await fixture.whenStable();
    expect(input('E-mail address').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('link-email-error')?.textContent).toContain(
      'Enter a valid e-mail address',
    );

    fireEvent.input(input('E-mail address'), { target: { value: ' sara@larkby.example ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    const request = api().expect('RequestPasswordReset');
    expect(request.variables).toEqual({ email: 'sara@larkby.example' });
    request.answer({ requestPasswordReset: true });
    await settle();
    await fixture.whenStable();
    expect(screen.getByTestId('link-sent').textContent).toContain(
      'If there is an account with the address sara@larkby.example, we have sent a link there.',
    );
  });

  it('says in plain words how long to wait when too many links were asked for', async () => {
    const { fixture } = await render(RequestLinkPage, {
      providers: providers(null),
      componentInputs: { kind: 'signInLink' },
    });
    fireEvent.input(input('E-mail address'), { target: { value: 'sara@larkby.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    api().expect('RequestSignInLink').refuse('TOO_MANY_ATTEMPTS', [], { retryAfterSeconds: 150 });
    await settle();
    await fixture.whenStable();
    expect(screen.getByRole('alert').textContent).toContain('Too many attempts. Try again in 3 minutes.');
    expect(screen.queryByTestId('link-sent')).toBeNull();
  });
});

describe('accepting an invitation', () => {
  afterEach(() => api().verify());

  async function open() {
    const rendered = await render(SetPasswordPage, {
      providers: providers(TOKEN),
      componentInputs: { mode: 'invitation' },
    });
    const preview = api().expect('InvitationPreview');
    expect(preview.variables).toEqual({ token: TOKEN });
    return { ...rendered, preview };
  }

  it('greets the person, checks the password with the shared rule, then sets it and signs in', async () => {
    const { fixture, preview } = await open();
    preview.answer({ invitationPreview: { firstName: 'Olle', organisationName: 'Lärkby kommun' } });
    await settle();
    await fixture.whenStable();
    expect(screen.getByTestId('invitation-greeting').textContent).toContain(
      'Hello Olle! You are invited to the STL platform of Lärkby kommun.',
    );
    expect(screen.getByTestId('sso-placeholder')).toBeTruthy();

    fireEvent.input(input('New password'), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    await fixture.whenStable();
    expect(input('New password').getAttribute('aria-invalid')).toBe('true');

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fireEvent.input(input('New password'), { target: { value: 'a-meadow-of-quiet-larches' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    const accept = api().expect('AcceptInvitation');
    expect(accept.variables).toEqual({ input: { token: TOKEN, newPassword: 'a-meadow-of-quiet-larches' } });
    accept.answer({ acceptInvitation: viewer });
    await settle();
    expect(TestBed.inject(SessionStore).viewer()?.email).toBe(viewer.email);
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('says plainly when the link was used already', async () => {
    const { fixture, preview } = await open();
    preview.refuse('LINK_USED');
    await settle();
    await fixture.whenStable();
    expect(screen.getByRole('alert').textContent).toContain('This link has already been used.');
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});

describe('signing in with a link', () => {
  afterEach(() => api().verify());

  it('explains a link without its code, and sends nothing', async () => {
    await render(LinkSignInPage, { providers: providers(null) });
    expect(screen.getByTestId('no-token').textContent).toContain('The link is missing its code.');
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('uses the link only when the person presses the button', async () => {
    const { fixture } = await render(LinkSignInPage, { providers: providers(TOKEN) });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const use = api().expect('SignInWithLink');
    expect(use.variables).toEqual({ token: TOKEN });
    use.refuse('LINK_EXPIRED');
    await settle();
    await fixture.whenStable();
    expect(screen.getByRole('alert').textContent).toContain('This link has expired.');
    expect(navigate).not.toHaveBeenCalled();
  });
});
