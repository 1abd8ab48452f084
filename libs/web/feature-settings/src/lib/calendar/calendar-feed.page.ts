import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import type { Observable } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import { CalendarFeedApi, apiResource, toApiError } from '@stl/web/data-access';
import type { CalendarFeedLink } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { DateTimePipe, LanguageService } from '@stl/web/util-i18n';

/**
 * My calendar link (issue 14, ADR 0034): make, renew or turn off the private iCal URL. The URL is
 * shown once, right after it is made (only its hash is stored), in a read-only field with a copy
 * button; a polite live region says what happened.
 */
@Component({
  selector: 'stl-calendar-feed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, LoadDirective, DateTimePipe],
  template: `
    <stl-page-header [heading]="'calendarFeed.title' | transloco" [lead]="'calendarFeed.lead' | transloco" />
    <section class="card section" aria-labelledby="calendar-status">
      <h2 id="calendar-status" class="visually-hidden">{{ 'calendarFeed.title' | transloco }}</h2>
      <ng-container *stlLoad="status; let s">
        @if (s.active) {
          <p>{{ 'calendarFeed.active' | transloco: { created: (s.createdAt | stlDateTime: lang()) } }}</p>
          <p class="muted">
            @if (s.lastUsedAt) {
              {{ 'calendarFeed.lastUsed' | transloco: { when: (s.lastUsedAt | stlDateTime: lang()) } }}
            } @else {
              {{ 'calendarFeed.neverUsed' | transloco }}
            }
          </p>
        } @else {
          <p>{{ 'calendarFeed.none' | transloco }}</p>
        }
        @if (link(); as l) {
          <div class="link">
            <label for="calendar-url">{{ 'calendarFeed.urlLabel' | transloco }}</label>
            <input
              #urlField
              id="calendar-url"
              type="text"
              readonly
              [value]="l.url"
              aria-describedby="calendar-url-hint"
              data-testid="calendar-url"
              (focus)="urlField.select()"
            />
            <p id="calendar-url-hint" class="hint">{{ 'calendarFeed.urlHint' | transloco }}</p>
            <button
              type="button"
              class="button button--primary"
              (click)="copy(l.url)"
              data-testid="calendar-copy"
            >
              {{ 'calendarFeed.copy' | transloco }}
            </button>
            <p class="hint">{{ 'calendarFeed.howTo' | transloco }}</p>
          </div>
        }
        <div class="actions">
          <button
            type="button"
            class="button"
            [class.button--primary]="!link()"
            [disabled]="busy()"
            (click)="renew()"
            data-testid="calendar-renew"
          >
            {{ (s.active ? 'calendarFeed.renew' : 'calendarFeed.create') | transloco }}
          </button>
          @if (s.active) {
            <button type="button" class="button button--danger" [disabled]="busy()" (click)="turnOff()">
              {{ 'calendarFeed.turnOff' | transloco }}
            </button>
          }
        </div>
        @if (s.active) {
          <p class="hint">{{ 'calendarFeed.renewHint' | transloco }}</p>
        }
      </ng-container>
      <p role="status" class="notice">
        @if (notice()) {
          {{ notice() | transloco }}
        }
      </p>
      @if (error()) {
        <p role="alert" class="error">{{ error() | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .link {
      display: grid;
      gap: 0.5rem;
      margin-block: 1rem;
    }
    .link input {
      font-family: monospace;
      width: 100%;
    }
    .link button {
      justify-self: start;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
  `,
})
export class CalendarFeedPage {
  private readonly api = inject(CalendarFeedApi);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly status = apiResource({ stream: () => this.api.status() });
  protected readonly link = signal<CalendarFeedLink | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly error = signal('');
  private readonly urlField = viewChild<ElementRef<HTMLInputElement>>('urlField');

  protected renew(): void {
    this.run(this.api.renew(), (link) => {
      this.link.set(link as CalendarFeedLink);
      this.notice.set('calendarFeed.created');
      afterNextRender(() => this.urlField()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected turnOff(): void {
    this.run(this.api.turnOff(), () => {
      this.link.set(null);
      this.notice.set('calendarFeed.turnedOff');
    });
  }

  protected copy(url: string): void {
    navigator.clipboard.writeText(url).then(
      () => this.notice.set('calendarFeed.copied'),
      () => this.notice.set('calendarFeed.copyFailed'),
    );
  }

  private run(request: Observable<unknown>, done: (result: unknown) => void): void {
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    request.subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
        this.status.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(e).messageKey);
      },
    });
  }
}
