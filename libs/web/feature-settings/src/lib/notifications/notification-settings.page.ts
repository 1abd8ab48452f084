import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NotificationsApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { MailKind, NotificationPreferences } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { kindGroups, withKind } from './mail-kinds';

type Saving = { kind: MailKind | 'DIGEST'; state: 'saving' | 'saved' } | null;

/**
 * Which e-mail I get (everyone): one switch per kind of mail my roles can bring, and single mails
 * or one daily digest. Each change is saved at once; on an error the switch goes back and a plain
 * sentence says why. The same choice can be made from any mail's one-click link.
 */
@Component({
  selector: 'stl-notification-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, RouterLink],
  templateUrl: './notification-settings.page.html',
  styleUrl: './notification-settings.page.css',
})
export class NotificationSettingsPage {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(SessionStore);

  protected readonly prefs = signal<NotificationPreferences | null>(null);
  protected readonly loadError = signal<string>('');
  protected readonly saveError = signal<string>('');
  protected readonly saving = signal<Saving>(null);
  protected readonly groups = computed(() => {
    const p = this.prefs();
    return p ? kindGroups(this.session.roles(), p.kinds) : [];
  });

  constructor() {
    this.api
      .preferences()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (p) => this.prefs.set(p),
        error: (e: unknown) => this.loadError.set(toApiError(e).messageKey),
      });
  }

  protected toggle(kind: MailKind, enabled: boolean): void {
    const before = this.prefs();
    if (!before) return;
    this.prefs.set({ ...before, kinds: withKind(before.kinds, kind, enabled) });
    this.save(kind, this.api.setKind(kind, enabled), before);
  }

  protected setDigest(daily: boolean): void {
    const before = this.prefs();
    if (!before || before.digestDaily === daily) return;
    this.prefs.set({ ...before, digestDaily: daily });
    this.save('DIGEST', this.api.setDigest(daily), before);
  }

  private save(
    kind: MailKind | 'DIGEST',
    request: ReturnType<NotificationsApi['setKind']>,
    before: NotificationPreferences,
  ): void {
    this.saveError.set('');
    this.saving.set({ kind, state: 'saving' });
    request.subscribe({
      next: (p) => {
        this.prefs.set(p);
        this.saving.set({ kind, state: 'saved' });
      },
      error: (e: unknown) => {
        // Back to what is really stored, and say why.
        this.prefs.set(before);
        this.saving.set(null);
        this.saveError.set(toApiError(e).messageKey);
      },
    });
  }
}
