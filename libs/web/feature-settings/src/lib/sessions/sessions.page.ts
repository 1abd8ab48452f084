import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SessionsApi, toApiError } from '@stl/web/data-access';
import type { MySession } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { DateTimePipe, LanguageService, formatDateTime } from '@stl/web/util-i18n';

type Notice = { key: string; params?: Record<string, unknown> } | null;

/**
 * My sessions (everyone): where I am signed in, this device marked; sign out one other session or
 * all others. After each change the list is fetched again, a polite live region says what happened,
 * and focus goes to the list's heading, so keyboard and screen-reader users do not lose their place
 * when the button they pressed disappears.
 */
@Component({
  selector: 'stl-sessions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, DateTimePipe, RouterLink],
  templateUrl: './sessions.page.html',
  styleUrl: './sessions.page.css',
})
export class SessionsPage {
  private readonly api = inject(SessionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);

  protected readonly lang = inject(LanguageService).lang;
  protected readonly sessions = signal<MySession[] | null>(null);
  protected readonly loadError = signal('');
  protected readonly actionError = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<Notice>(null);
  protected readonly others = computed(() => (this.sessions() ?? []).filter((s) => !s.current));
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');

  constructor() {
    this.load();
  }

  /** "Firefox på Windows", in the language in use. */
  protected device(s: MySession): string {
    this.lang();
    return this.transloco.translate('sessions.device', {
      browser: s.browser ?? this.transloco.translate('sessions.unknownBrowser'),
      system: s.operatingSystem ?? this.transloco.translate('sessions.unknownSystem'),
    });
  }

  /** The button's accessible name: which session it signs out. */
  protected endLabel(s: MySession): string {
    return this.transloco.translate('sessions.endLabel', {
      device: this.device(s),
      when: formatDateTime(s.createdAt, this.lang()),
    });
  }

  protected end(s: MySession): void {
    this.run(s.id, this.api.end(s.id), () => ({ key: 'sessions.ended' }));
  }

  protected endAllOthers(): void {
    this.run('all', this.api.endAllOthers(), (count) => ({ key: 'sessions.endedOthers', params: { count } }));
  }

  private run(busy: string, request: Observable<unknown>, notice: (result: unknown) => Notice): void {
    this.busy.set(busy);
    this.actionError.set('');
    this.notice.set(null);
    request.subscribe({
      next: (result) => {
        this.notice.set(notice(result));
        this.load(true);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.actionError.set(toApiError(e).messageKey);
        // The session may have ended meanwhile elsewhere: show the list as it is now.
        this.load(true);
      },
    });
  }

  private load(focusAfter = false): void {
    this.api.list().subscribe({
      next: (list) => {
        this.sessions.set(list);
        this.loadError.set('');
        this.busy.set(null);
        if (focusAfter) {
          afterNextRender(() => this.listHeading()?.nativeElement.focus(), { injector: this.injector });
        }
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.loadError.set(toApiError(e).messageKey);
      },
    });
  }
}
