import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PasswordApi, SessionStore, toApiError } from '@stl/web/data-access';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@stl/shared/domain';
import {
  ErrorSummaryComponent,
  PageHeaderComponent,
  apiProblems,
  clientProblems,
  lengthState,
} from '@stl/web/ui';
import type { ErrorSummaryItem, PasswordFormProblem } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/**
 * Change my password (everyone signed in; ADR 0010). Asks for the current password and a new one;
 * the new one is checked as it is typed with the same shared rule the API applies (length in
 * characters, not a common password, not my name or e-mail). On success my other sessions end.
 */
@Component({
  selector: 'stl-change-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, TranslocoPipe, PageHeaderComponent, ErrorSummaryComponent],
  templateUrl: './change-password.page.html',
  styleUrl: './change-password.page.css',
})
export class ChangePasswordPage {
  private readonly api = inject(PasswordApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly show = signal(false);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  /** Problems shown beside the fields: set on submit, and for the new password once it was left. */
  protected readonly problems = signal<readonly PasswordFormProblem[]>([]);
  protected readonly newTouched = signal(false);

  private readonly context = computed(() => {
    const v = this.session.viewer();
    return { email: v?.email ?? null, fullName: v?.person.fullName ?? null };
  });
  protected readonly length = computed(() => lengthState(this.next()));
  /** The rule's problems with what is typed now (shown once the field was left or submitted). */
  protected readonly liveNewProblems = computed(() =>
    clientProblems('x', this.next(), this.context()).filter((p) => p.field === 'new-password'),
  );
  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() =>
    this.problems().map((p) => ({ target: p.field, key: p.key, params: { min: this.min, max: this.max } })),
  );

  protected errorsOf(field: PasswordFormProblem['field']): readonly PasswordFormProblem[] {
    if (field === 'new-password' && this.newTouched() && !this.busy()) {
      const fromApi = this.problems().filter((p) => p.field === field);
      return fromApi.length ? fromApi : this.liveNewProblems();
    }
    return this.problems().filter((p) => p.field === field);
  }

  protected describedBy(field: PasswordFormProblem['field']): string {
    const ids = [`${field}-hint`];
    if (field === 'new-password') ids.push('new-password-count');
    if (this.errorsOf(field).length) ids.push(`${field}-error`);
    return ids.join(' ');
  }

  protected setNext(value: string): void {
    this.next.set(value);
    this.done.set(false);
    // API problems were about the password sent; what is typed now is checked afresh.
    this.problems.update((ps) => ps.filter((p) => p.field !== 'new-password'));
  }

  protected setCurrent(value: string): void {
    this.current.set(value);
    this.done.set(false);
  }

  protected async submit(): Promise<void> {
    this.newTouched.set(true);
    this.done.set(false);
    const local = clientProblems(this.current(), this.next(), this.context());
    if (local.length) return this.fail(local);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.change(this.current(), this.next()));
      this.problems.set([]);
      this.current.set('');
      this.next.set('');
      this.newTouched.set(false);
      this.done.set(true);
    } catch (e) {
      const error = toApiError(e);
      const placed = apiProblems(error.code, error.problems);
      this.fail(placed.length ? placed : [{ field: 'current-password', key: error.messageKey }]);
    } finally {
      this.busy.set(false);
    }
  }

  private fail(problems: PasswordFormProblem[]): void {
    this.problems.set(problems);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
