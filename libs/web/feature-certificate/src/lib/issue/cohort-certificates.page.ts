import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { CertificateApi, apiResource, certificatePdfUrl, toApiError } from '@stl/web/data-access';
import type { CohortCertificateRow } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { DatePipe, LanguageService } from '@stl/web/util-i18n';
import { certificateState, mayReissue } from './certificate-state';

type Notice = { key: string; params?: Record<string, unknown>; kind: 'success' | 'warning' } | null;

/**
 * The cohort's certificates of completion (issue 14, ADR 0032), for its course leaders and the
 * organisation's administrators: who completed by the completion rule, one button that issues
 * every missing certificate at once (the API refuses until the cohort is completed), a download
 * and a revoke per certificate, and a new certificate after a revocation.
 */
@Component({
  selector: 'stl-cohort-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, LoadDirective, RouterLink, DatePipe],
  template: `
    <stl-page-header
      [heading]="'certificates.cohort.title' | transloco"
      [lead]="'certificates.cohort.lead' | transloco"
    >
      <a stlBeforeHeading class="back-link" [routerLink]="['/cohorts', cohortId()]">{{
        'certificates.cohort.back' | transloco
      }}</a>
    </stl-page-header>

    <p
      id="certificates-notice"
      tabindex="-1"
      role="status"
      [class]="notice() ? 'notice notice--' + notice()?.kind : ''"
      data-testid="certificates-notice"
    >
      @if (notice(); as n) {
        {{ n.key | transloco: n.params }}
      }
    </p>

    <div class="actions">
      <button
        type="button"
        class="button button--primary"
        [disabled]="busy() !== null"
        (click)="issueAll()"
        data-testid="issue-certificates"
      >
        {{ (busy() === 'all' ? 'certificates.cohort.issuing' : 'certificates.cohort.issue') | transloco }}
      </button>
    </div>

    <div *stlLoad="rows; let list" class="table-wrap">
      <table>
        <caption>
          {{
            'certificates.cohort.caption' | transloco: { count: list.length }
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'certificates.cohort.participant' | transloco }}</th>
            <th scope="col">{{ 'certificates.cohort.status' | transloco }}</th>
            <th scope="col">{{ 'certificates.cohort.code' | transloco }}</th>
            <th scope="col">{{ 'certificates.cohort.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of list; track row.personId) {
            <tr data-testid="certificate-row" [attr.data-state]="state(row)">
              <th scope="row">{{ row.name }}</th>
              <td>
                {{ 'certificates.state.' + state(row) | transloco }}
                @if (row.certificate; as c) {
                  <span class="muted">({{ c.revokedAt ?? c.issuedAt | stlDate: lang() }})</span>
                }
              </td>
              <td>
                @if (row.certificate; as c) {
                  <code>{{ c.code }}</code>
                }
              </td>
              <td class="row-actions">
                @if (row.certificate; as c) {
                  @if (!c.revokedAt) {
                    <a class="button button--small" [href]="pdf(c.id)" download>
                      {{ 'certificates.cohort.download' | transloco
                      }}<span class="visually-hidden"> – {{ row.name }}</span>
                    </a>
                    <button
                      type="button"
                      class="button button--small"
                      [disabled]="busy() !== null"
                      (click)="revoke(row)"
                    >
                      {{ 'certificates.cohort.revoke' | transloco
                      }}<span class="visually-hidden"> – {{ row.name }}</span>
                    </button>
                  }
                }
                @if (reissuable(row)) {
                  <button
                    type="button"
                    class="button button--small"
                    [disabled]="busy() !== null"
                    (click)="reissue(row)"
                  >
                    {{ 'certificates.cohort.reissue' | transloco
                    }}<span class="visually-hidden"> – {{ row.name }}</span>
                  </button>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4">{{ 'certificates.cohort.empty' | transloco }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      margin-block: 1rem;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    p[role='status']:empty {
      display: none;
    }
  `,
})
export class CohortCertificatesPage {
  private readonly api = inject(CertificateApi);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(LanguageService).lang;

  readonly cohortId = input.required<string>();

  protected readonly rows = apiResource({
    params: () => this.cohortId(),
    stream: (cohortId) => this.api.cohortCertificates(cohortId),
  });
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<Notice>(null);

  protected state = certificateState;
  protected reissuable = mayReissue;

  protected pdf(certificateId: string): string {
    return certificatePdfUrl(certificateId);
  }

  protected issueAll(): void {
    this.run('all', this.api.issue(this.cohortId()), (issued) =>
      (issued as unknown[]).length
        ? {
            key: 'certificates.cohort.issued',
            params: { count: (issued as unknown[]).length },
            kind: 'success',
          }
        : { key: 'certificates.cohort.noneToIssue', kind: 'success' },
    );
  }

  protected reissue(row: CohortCertificateRow): void {
    this.run(row.personId, this.api.issue(this.cohortId(), [row.personId]), () => ({
      key: 'certificates.cohort.issued',
      params: { count: 1 },
      kind: 'success',
    }));
  }

  protected revoke(row: CohortCertificateRow): void {
    const c = row.certificate;
    if (!c) return;
    const question = this.transloco.translate('certificates.cohort.revokeConfirm', { name: row.name });
    if (!this.document.defaultView?.confirm(question)) return;
    this.run(c.id, this.api.revoke(c.id), () => ({
      key: 'certificates.cohort.revoked',
      params: { name: row.name },
      kind: 'success',
    }));
  }

  private run(busy: string, request: Observable<unknown>, notice: (result: unknown) => Notice): void {
    this.busy.set(busy);
    this.notice.set(null);
    request.subscribe({
      next: (result) => {
        this.busy.set(null);
        this.notice.set(notice(result));
        this.rows.reload();
        this.focusNotice();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        const error = toApiError(e);
        const key =
          error.code === 'CONFLICT' && busy === 'all'
            ? 'certificates.cohort.notCompletedYet'
            : error.messageKey;
        this.notice.set({ key, kind: 'warning' });
        this.focusNotice();
      },
    });
  }

  private focusNotice(): void {
    afterNextRender(() => this.document.getElementById('certificates-notice')?.focus(), {
      injector: this.injector,
    });
  }
}
