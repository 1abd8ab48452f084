import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map, tap } from 'rxjs';
import {
  AcceptInvitationDocument,
  InvitationPreviewDocument,
  RequestPasswordResetDocument,
  RequestSignInLinkDocument,
  ResetPasswordDocument,
  SignInWithLinkDocument,
} from '../../generated/graphql';
import type { InvitationPreviewQuery } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';
import { SessionStore } from '../session/session.store';
import type { Viewer } from '../session/session.store';

export type InvitationPreview = InvitationPreviewQuery['invitationPreview'];

/** Which mailed link a person asks for on the signed-out pages. */
export type AccountLinkKind = 'passwordReset' | 'signInLink';

/**
 * Mailed single-use links (ADR 0013), for people who are not signed in: asking for a reset or
 * sign-in link, and using one (which signs in: the session store learns who). A link that does not
 * work fails with LINK_INVALID, LINK_EXPIRED or LINK_USED.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly gql = inject(GraphqlClient);
  private readonly session = inject(SessionStore);

  /** Always true when accepted, whether or not the address has an account; TOO_MANY_ATTEMPTS when over the limit. */
  requestLink(kind: AccountLinkKind, email: string): Observable<boolean> {
    return kind === 'passwordReset'
      ? this.gql.request(RequestPasswordResetDocument, { email }).pipe(map((r) => r.requestPasswordReset))
      : this.gql.request(RequestSignInLinkDocument, { email }).pipe(map((r) => r.requestSignInLink));
  }

  resetPassword(token: string, newPassword: string): Observable<Viewer> {
    return this.gql.request(ResetPasswordDocument, { input: { token, newPassword } }).pipe(
      map((r) => r.resetPassword),
      tap((v) => this.session.signedIn(v)),
    );
  }

  signInWithLink(token: string): Observable<Viewer> {
    return this.gql.request(SignInWithLinkDocument, { token }).pipe(
      map((r) => r.signInWithLink),
      tap((v) => this.session.signedIn(v)),
    );
  }

  invitation(token: string): Observable<InvitationPreview> {
    return this.gql.request(InvitationPreviewDocument, { token }).pipe(map((r) => r.invitationPreview));
  }

  acceptInvitation(token: string, newPassword: string): Observable<Viewer> {
    return this.gql.request(AcceptInvitationDocument, { input: { token, newPassword } }).pipe(
      map((r) => r.acceptInvitation),
      tap((v) => this.session.signedIn(v)),
    );
  }
}
