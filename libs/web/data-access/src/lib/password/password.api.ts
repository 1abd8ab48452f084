import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { ChangePasswordDocument } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

/** The signed-in person's own password (ADR 0010). */
@Injectable({ providedIn: 'root' })
export class PasswordApi {
  private readonly gql = inject(GraphqlClient);

  /**
   * Changes the password; the other sessions end, this one stays. Refusals: INVALID_CREDENTIALS
   * (problem on `currentPassword`) or BAD_USER_INPUT (the rule's problems on `newPassword`).
   */
  change(currentPassword: string, newPassword: string): Observable<boolean> {
    return this.gql
      .request(ChangePasswordDocument, { input: { currentPassword, newPassword } })
      .pipe(map((r) => r.changePassword));
  }
}
