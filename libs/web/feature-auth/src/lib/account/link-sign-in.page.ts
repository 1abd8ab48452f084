import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Location } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, errorSentence, toApiError, tokenFromFragment } from '@stl/web/data-access';
import type { ErrorSentence } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/**
 * Signing in with a one-time link from the mail (`/sign-in-link#<token>`; ADR 0013). The link is
 * used only when the person presses the button, so a mail scanner that opens links does not use it
 * up.
 */
@Component({
  selector: 'stl-link-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header [heading]="'account.link.title' | transloco" [lead]="'account.link.lead' | transloco" />
    @if (!token) {
      <p class="notice" role="alert" data-testid="no-token">{{ 'account.noToken' | transloco }}</p>
    } @else {
      <button
        type="button"
        class="button button--primary"
        data-testid="link-sign-in"
        [disabled]="busy()"
        (click)="signIn()"
      >
        {{ (busy() ? 'account.link.signingIn' : 'account.link.submit') | transloco }}
      </button>
    }
    <p role="alert" class="error-text">
      @if (refusal(); as r) {
        {{ r.key | transloco: r.params }}
      }
    </p>
    @if (!token || refusal()) {
      <p>
        <a routerLink="/sign-in/link">{{ 'account.link.again' | transloco }}</a>
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 32rem;
    }
  `,
})
export class LinkSignInPage {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);

  protected readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);
  protected readonly busy = signal(false);
  protected readonly refusal = signal<ErrorSentence | null>(null);

  constructor() {
    const location = inject(Location);
    location.replaceState(location.path(false).split('#')[0]);
  }

  protected async signIn(): Promise<void> {
    if (!this.token) return;
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await firstValueFrom(this.api.signInWithLink(this.token));
      await this.router.navigateByUrl('/');
    } catch (e) {
      this.refusal.set(errorSentence(toApiError(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
