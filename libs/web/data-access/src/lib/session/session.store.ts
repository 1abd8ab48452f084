import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { DemoAccountsDocument, MeDocument, SignInDocument, SignOutDocument } from '../../generated/graphql';
import type { DemoAccountsQuery, Role, ViewerFieldsFragment } from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type Viewer = ViewerFieldsFragment;
export type DemoAccount = DemoAccountsQuery['demoAccounts'][number];

/**
 * Who is signed in. The session itself is the API's httpOnly cookie: the browser cannot read it,
 * so the store asks `me` once and keeps the answer in a signal.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly gql = inject(GraphqlClient);
  private readonly state = signal<Viewer | null | undefined>(undefined);
  private loading: Promise<Viewer | null> | null = null;

  /** The signed-in person; null when signed out; undefined before the first answer. */
  readonly viewer = this.state.asReadonly();
  readonly roles = computed<Role[]>(() => this.state()?.roles.map((r) => r.role) ?? []);
  /** A platform operator (ADR 0015): manages organisations, sees no course content. */
  readonly isPlatformOperator = computed(() => this.state()?.platformOperator ?? false);

  hasRole(role: Role): boolean {
    return this.roles().includes(role);
  }

  /** Asks the API once who is signed in; later calls reuse the answer. */
  ensureLoaded(): Promise<Viewer | null> {
    const known = this.state();
    if (known !== undefined) return Promise.resolve(known);
    this.loading ??= firstValueFrom(this.gql.request(MeDocument))
      .then((r) => {
        this.state.set(r.me);
        return r.me;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  async signIn(email: string, password: string): Promise<Viewer> {
    const { signIn } = await firstValueFrom(this.gql.request(SignInDocument, { input: { email, password } }));
    this.state.set(signIn);
    return signIn;
  }

  /** Someone was signed in another way (a mailed link, an accepted invitation; ADR 0013). */
  signedIn(viewer: Viewer): void {
    this.state.set(viewer);
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.gql.request(SignOutDocument));
    } finally {
      this.state.set(null);
    }
  }

  /** Forget the session locally (the API said it is gone). */
  expired(): void {
    this.state.set(null);
  }

  /** The demo accounts to offer on the sign-in page: empty unless the API runs in demo mode. */
  async demoAccounts(): Promise<DemoAccount[]> {
    return (await firstValueFrom(this.gql.request(DemoAccountsDocument))).demoAccounts;
  }
}
