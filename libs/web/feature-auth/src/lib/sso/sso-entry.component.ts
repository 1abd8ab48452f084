import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { SsoApi, ssoFailureKey } from '@stl/web/data-access';
import type { SsoOption } from '@stl/web/data-access';
import { isEmailAddress } from '@stl/web/ui';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

/**
 * The sign-in page's single sign-on (ADR 0014): once the typed e-mail address is in a domain whose
 * organisation uses single sign-on, a "Logga in med <organisation>" link starts it at the API
 * (a full page load: the provider's pages are not ours). Also says, in plain words, why a single
 * sign-on that came back to the sign-in page did not sign anyone in (`ssoError`).
 */
@Component({
  selector: 'stl-sso-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (failureKey(); as key) {
      <div class="notice notice--warning" role="alert" data-testid="sso-failure">
        <p>
          <strong>{{ 'sso.entry.failedHeading' | transloco }}</strong>
        </p>
        <p>{{ key | transloco }}</p>
      </div>
    }
    @if (option(); as sso) {
      <section class="card sso" aria-labelledby="sso-heading" data-testid="sso-entry">
        <h2 id="sso-heading">{{ 'sso.entry.heading' | transloco }}</h2>
        <p id="sso-hint">{{ 'sso.entry.hint' | transloco: { domain: domain() } }}</p>
        <a class="button button--primary" [href]="sso.startPath" aria-describedby="sso-hint">
          {{ 'sso.entry.button' | transloco: { name: sso.displayName } }}
        </a>
      </section>
    }
  `,
  styles: `
    .sso {
      margin-block: 1rem;
    }
  `,
})
export class SsoEntryComponent {
  private readonly api = inject(SsoApi);

  /** The e-mail address typed so far. */
  readonly email = input('');
  /** The `ssoError` the API's callback sent back, if any. */
  readonly failure = input<string | undefined>();

  protected readonly failureKey = computed(() => ssoFailureKey(this.failure()));
  protected readonly domain = computed(() => this.email().trim().split('@')[1]?.toLowerCase() ?? '');

  protected readonly option = toSignal<SsoOption | null>(
    toObservable(this.email).pipe(
      map((e) => e.trim().toLowerCase()),
      debounceTime(300),
      map((e) => (isEmailAddress(e) ? e : '')),
      distinctUntilChanged(),
      switchMap((e) => (e ? this.api.forEmail(e).pipe(catchError(() => of(null))) : of(null))),
    ),
    { initialValue: null },
  );
}
