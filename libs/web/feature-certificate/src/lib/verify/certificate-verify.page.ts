import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CertificateApi, toApiError } from '@stl/web/data-access';
import type { CertificateVerification } from '@stl/web/data-access';
import { FIELD, PageHeaderComponent } from '@stl/web/ui';
import { CERTIFICATE_VERIFY_PATH, formatCertificateCode, normaliseCertificateCode } from '@stl/shared/domain';

/**
 * `/intyg` and `/intyg/:code` (issue 14, ADR 0032): anyone, signed in or not, checks a certificate
 * of completion by its code, typed or from the QR code. The answer is a clear "valid" with the
 * name, course, school year and organisation, or a clear "not valid" for a forged or revoked code.
 */
@Component({
  selector: 'stl-certificate-verify-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, PageHeaderComponent, ...FIELD],
  template: `
    <stl-page-header
      [heading]="'certificates.verify.title' | transloco"
      [lead]="'certificates.verify.lead' | transloco"
    />
    <section class="card section">
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <stl-field
          fieldId="certificate-code"
          [label]="'certificates.verify.code' | transloco"
          [hint]="'certificates.verify.codeHint' | transloco"
          [error]="problem()"
        >
          <input
            stlControl
            formControlName="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="40"
          />
        </stl-field>
        <div class="actions">
          <button type="submit" class="button button--primary" [disabled]="busy()">
            {{ (busy() ? 'certificates.verify.checking' : 'certificates.verify.check') | transloco }}
          </button>
        </div>
      </form>
    </section>

    @if (error()) {
      <p class="notice notice--warning" role="alert">{{ error() | transloco }}</p>
    }
    @if (result(); as r) {
      <section
        id="certificate-verdict"
        tabindex="-1"
        class="card section verdict"
        [class.verdict--valid]="r.answer.valid"
        [class.verdict--invalid]="!r.answer.valid"
        aria-labelledby="verdict-heading"
        data-testid="verdict"
      >
        @if (r.answer.valid) {
          <h2 id="verdict-heading">
            <span aria-hidden="true">✓ </span>{{ 'certificates.verify.valid' | transloco }}
          </h2>
          <p>{{ 'certificates.verify.validText' | transloco }}</p>
          <dl class="facts">
            <div>
              <dt>{{ 'certificates.verify.name' | transloco }}</dt>
              <dd data-testid="verdict-name">{{ r.answer.name }}</dd>
            </div>
            <div>
              <dt>{{ 'certificates.verify.course' | transloco }}</dt>
              <dd>{{ r.answer.course }}</dd>
            </div>
            <div>
              <dt>{{ 'certificates.verify.schoolYear' | transloco }}</dt>
              <dd>{{ r.answer.schoolYear }}</dd>
            </div>
            <div>
              <dt>{{ 'certificates.verify.organisation' | transloco }}</dt>
              <dd>{{ r.answer.organisation }}</dd>
            </div>
          </dl>
        } @else {
          <h2 id="verdict-heading">
            <span aria-hidden="true">✗ </span>{{ 'certificates.verify.invalid' | transloco }}
          </h2>
          <p>{{ 'certificates.verify.invalidText' | transloco: { code: r.code } }}</p>
        }
      </section>
    }
  `,
  styles: `
    .actions {
      margin-block-start: 0.75rem;
    }
    .verdict {
      border-inline-start: 0.5rem solid;
      margin-block-start: 1rem;
    }
    .verdict--valid {
      border-color: #1b6e3a;
    }
    .verdict--invalid {
      border-color: #a4161a;
    }
    .facts {
      display: grid;
      gap: 0.5rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
  `,
})
export class CertificateVerifyPage {
  private readonly api = inject(CertificateApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  // No signal query here: its machinery would join the start bundle (see the README's bundle notes).
  private readonly document = inject(DOCUMENT);

  /** The code in the address (`/intyg/ABCDEFGHJKMN`, where the QR code leads). */
  readonly code = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ code: '' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly result = signal<{ code: string; answer: CertificateVerification } | null>(null);

  /** Set by the form: the answer to this check takes the focus (not when arriving from a QR code). */
  private focusResult = false;

  constructor() {
    effect(() => {
      const code = this.code();
      if (code) {
        this.form.setValue({ code: formatCertificateCode(code.toUpperCase()) });
        this.check(code);
      }
    });
  }

  protected submit(): void {
    const typed = this.form.controls.code.value.trim();
    if (!typed) {
      this.problem.set('certificates.verify.codeMissing');
      return;
    }
    this.problem.set(null);
    this.focusResult = true;
    const normal = normaliseCertificateCode(typed);
    // A well-formed code goes into the address, so the answer can be shared or reloaded; the
    // address's code is then checked once, by the effect above.
    if (normal && normal !== this.code()?.toUpperCase()) {
      void this.router.navigateByUrl(`${CERTIFICATE_VERIFY_PATH}/${normal}`, { replaceUrl: true });
      return;
    }
    this.check(typed);
  }

  private check(typed: string): void {
    const normal = normaliseCertificateCode(typed);
    const shown = normal ? formatCertificateCode(normal) : typed;
    const focus = this.focusResult;
    this.focusResult = false;
    this.busy.set(true);
    this.error.set('');
    // No earlier answer stays on screen while another code is checked.
    this.result.set(null);
    this.api.verify(typed).subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.result.set({ code: shown, answer });
        if (focus)
          afterNextRender(() => this.document.getElementById('certificate-verdict')?.focus(), {
            injector: this.injector,
          });
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(e).messageKey);
      },
    });
  }
}
