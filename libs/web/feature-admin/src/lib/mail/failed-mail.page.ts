import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { NotificationsApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { FailedMail } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { AdminBackLinkComponent } from '../shared/back-link.component';

/**
 * The dead letters: mail to the organisation's people that could not be delivered (refused by the
 * mail server, or still failing after every retry), with the reason, and a way to try again once
 * the cause is fixed (a corrected address, a server back up). Beside them, unconfirmed mail (issue
 * 16): the server received it whole but never confirmed it, so it may have arrived. Such a row is
 * never offered a plain "send again": the administrator may mark it delivered, or resend it after
 * a warning that the recipient may get two copies.
 */
@Component({
  selector: 'stl-admin-failed-mail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, AdminBackLinkComponent, ...FORMAT_PIPES],
  styleUrls: ['../shared/admin.css'],
  template: `
    <stl-page-header [heading]="'admin.mail.title' | transloco" [lead]="'admin.mail.lead' | transloco">
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>
    <div role="status" aria-live="polite" data-testid="mail-status">
      @if (done(); as d) {
        <p class="notice notice--success">{{ 'admin.mail.' + d.what | transloco: { address: d.address } }}</p>
      }
    </div>
    @if (error()) {
      <p class="error-text" role="alert">{{ error() | transloco }}</p>
    }
    @if (loading()) {
      <p>{{ 'common.loading' | transloco }}</p>
    } @else if (rows().length === 0) {
      <p class="notice notice--success" data-testid="no-failed-mail">{{ 'admin.mail.none' | transloco }}</p>
    } @else {
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'admin.mail.caption' | transloco">
        <table>
          <caption>
            {{
              'admin.mail.caption' | transloco: { count: total() }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'admin.mail.to' | transloco }}</th>
              <th scope="col">{{ 'admin.mail.kind' | transloco }}</th>
              <th scope="col">{{ 'admin.mail.state' | transloco }}</th>
              <th scope="col">{{ 'admin.mail.when' | transloco }}</th>
              <th scope="col">{{ 'admin.mail.reason' | transloco }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'admin.mail.actions' | transloco }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (m of rows(); track m.id) {
              <tr data-testid="failed-mail" [attr.data-status]="m.status">
                <td>{{ m.toAddress }}</td>
                <td>{{ 'notifications.kinds.' + m.kind + '.label' | transloco }}</td>
                <td data-testid="mail-state">{{ 'admin.mail.states.' + m.status | transloco }}</td>
                <td>{{ m.updatedAt | stlDateTime: lang() }}</td>
                <td>
                  @if (m.status === 'UNCONFIRMED') {
                    <p data-testid="unconfirmed-reason">{{ 'admin.mail.unconfirmedReason' | transloco }}</p>
                  }
                  {{ m.lastError }}
                  <span class="muted">{{ 'admin.mail.attempts' | transloco: { count: m.attempts } }}</span>
                </td>
                <td>
                  @if (m.status === 'UNCONFIRMED') {
                    @if (confirming() === m.id) {
                      <div role="group" [attr.aria-labelledby]="'resend-warning-' + m.id">
                        <p
                          class="notice notice--warning"
                          [id]="'resend-warning-' + m.id"
                          data-testid="resend-warning"
                        >
                          {{ 'admin.mail.resendWarning' | transloco: { address: m.toAddress } }}
                        </p>
                        <button type="button" class="button" [disabled]="busy() === m.id" (click)="resend(m)">
                          {{ 'admin.mail.resendAnyway' | transloco }}
                          <span class="visually-hidden">{{ m.toAddress }}</span>
                        </button>
                        <button type="button" class="button" (click)="confirming.set(null)">
                          {{ 'admin.cancel' | transloco }}
                        </button>
                      </div>
                    } @else {
                      <button
                        type="button"
                        class="button"
                        [disabled]="busy() === m.id"
                        (click)="markDelivered(m)"
                      >
                        {{ 'admin.mail.markDelivered' | transloco }}
                        <span class="visually-hidden">{{ m.toAddress }}</span>
                      </button>
                      <button
                        type="button"
                        class="button"
                        [disabled]="busy() === m.id"
                        (click)="confirming.set(m.id)"
                      >
                        {{ 'admin.mail.resend' | transloco }}
                        <span class="visually-hidden">{{ m.toAddress }}</span>
                      </button>
                    }
                  } @else {
                    <button type="button" class="button" [disabled]="busy() === m.id" (click)="retry(m)">
                      {{ 'admin.mail.retry' | transloco }}
                      <span class="visually-hidden">{{ m.toAddress }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (next()) {
        <button type="button" class="button" (click)="load(next())">
          {{ 'admin.mail.more' | transloco }}
        </button>
      }
    }
  `,
})
export class AdminFailedMailPage {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly rows = signal<FailedMail[]>([]);
  protected readonly total = signal(0);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal('');
  /** What was last done, to say so: retried, resent or marked delivered, and to whom. */
  protected readonly done = signal<{ what: 'retried' | 'resent' | 'marked'; address: string } | null>(null);
  /** The unconfirmed row whose resend warning is open. */
  protected readonly confirming = signal<string | null>(null);
  private readonly organisationId = computed(() => this.session.viewer()?.organisation?.id ?? '');

  constructor() {
    this.load(null);
  }

  protected load(after: string | null): void {
    this.api.failedMail(this.organisationId(), after).subscribe({
      next: (page) => {
        this.rows.set(after ? [...this.rows(), ...page.nodes] : page.nodes);
        this.total.set(page.totalCount);
        this.next.set(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(toApiError(e).messageKey);
        this.loading.set(false);
      },
    });
  }

  protected retry(mail: FailedMail): void {
    this.act(mail, this.api.retry(mail.id), 'retried');
  }

  /** An unconfirmed mail sent again, after the warning that the recipient may get two copies. */
  protected resend(mail: FailedMail): void {
    this.act(mail, this.api.resendUnconfirmed(mail.id), 'resent');
  }

  protected markDelivered(mail: FailedMail): void {
    this.act(mail, this.api.markDelivered(mail.id), 'marked');
  }

  private act(mail: FailedMail, call: Observable<unknown>, what: 'retried' | 'resent' | 'marked'): void {
    this.busy.set(mail.id);
    this.error.set('');
    this.done.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(null);
        this.confirming.set(null);
        this.rows.set(this.rows().filter((m) => m.id !== mail.id));
        this.total.set(this.total() - 1);
        this.done.set({ what, address: mail.toAddress ?? '' });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.error.set(toApiError(e).messageKey);
      },
    });
  }
}
