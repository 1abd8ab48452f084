import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { GraphqlClient, SessionStore } from '@stl/web/data-access';
import { LanguageService } from '@stl/web/util-i18n';
import { filter } from 'rxjs';

/**
 * The shell: skip link, header with language switch and sign-out, and the page. On narrow screens
 * (below 48rem) the signed-in menu folds behind a "Meny" button: a disclosure with aria-expanded and
 * aria-controls; Esc closes it and gives focus back to the button, as does choosing a page.
 */
@Component({
  selector: 'stl-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closeMenu(true)' },
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoPipe],
  templateUrl: './app.html',
})
export class App {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly language = inject(LanguageService);

  protected readonly lang = this.language.lang;
  protected readonly viewer = this.session.viewer;
  protected readonly otherLang = computed(() => (this.lang() === 'sv' ? 'en' : 'sv'));
  protected readonly signingOut = signal(false);
  /** Whether the folded menu is open (narrow screens only; on wide ones the menu is always shown). */
  protected readonly menuOpen = signal(false);
  /** The page shown, for the footer's accessibility link to say where a problem was met. */
  protected readonly here = signal<string | null>(null);
  private readonly menuButton = viewChild<ElementRef<HTMLButtonElement>>('menuButton');
  private readonly roles = this.session.roles;
  /** Course leaders and administrators run cohorts; the list is where they start. */
  protected readonly canLead = computed(() =>
    this.roles().some((r) => r === 'COURSE_LEADER' || r === 'ADMINISTRATOR'),
  );
  protected readonly isSchoolLeader = computed(() => this.roles().includes('SCHOOL_LEADER'));
  protected readonly isAdmin = computed(() => this.roles().includes('ADMINISTRATOR'));
  /** Platform operators see the organisations only (ADR 0015). */
  protected readonly isOperator = this.session.isPlatformOperator;

  constructor() {
    // The session ended (expired, or signed out in another tab): sign in again and come back here.
    // Text being written is safe: the editor keeps it in this browser until it is saved.
    inject(GraphqlClient)
      .unauthenticated$.pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.session.expired();
        const next = this.router.url;
        // `reason` makes the sign-in page say plainly why (idle too long, or ended from elsewhere).
        if (!next.startsWith('/sign-in')) {
          void this.router.navigate(['/sign-in'], { queryParams: { next, reason: 'session-ended' } });
        }
      });
    let first = true;
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.menuOpen.set(false);
        const url = this.router.url;
        this.here.set(url.startsWith('/tillganglighet') ? null : url);
        // Move focus to the new page's heading so screen readers announce it (not on first load).
        if (first) {
          first = false;
          return;
        }
        setTimeout(() => {
          const target =
            this.document.querySelector<HTMLElement>('main h1') ?? this.document.getElementById('main');
          target?.focus();
        });
      });
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  /** Closes the folded menu; `refocus` puts focus back on its button when it was inside the menu. */
  protected closeMenu(refocus = false): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    const button = this.menuButton()?.nativeElement;
    const active = this.document.activeElement;
    if (
      refocus &&
      button &&
      (active === this.document.body || this.document.getElementById('app-menu')?.contains(active))
    ) {
      button.focus();
    }
  }

  protected switchLanguage(): void {
    void this.language.use(this.otherLang());
  }

  protected async signOut(): Promise<void> {
    this.menuOpen.set(false);
    this.signingOut.set(true);
    try {
      await this.session.signOut();
    } finally {
      this.signingOut.set(false);
      await this.router.navigateByUrl('/sign-in');
    }
  }
}
