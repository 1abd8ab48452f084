import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { FormControl } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { PrivacyApi, SessionStore, apiResource, problemKey, toApiError } from '@stl/web/data-access';
import type { RetentionRule } from '@stl/web/data-access';
import { FIELD, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { AdminBackLinkComponent } from '../shared/back-link.component';

/**
 * The organisation's retention schedule (gallringsplan, ADR 0030): months per kind of record, empty
 * for "kept until decided". Saved as a whole; the nightly retention job applies it.
 */
@Component({
  selector: 'stl-admin-retention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    AdminBackLinkComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'privacy.retention.title' | transloco"
      [lead]="'privacy.retention.lead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>
    <div class="status" role="status" aria-live="polite" data-testid="retention-status">
      @if (saved()) {
        <p class="notice notice--success">{{ 'privacy.retention.saved' | transloco }}</p>
      }
    </div>
    <section class="card section" *stlLoad="state; let rules">
      <form class="form" [formGroup]="form" (ngSubmit)="save(rules)" novalidate>
        @for (r of rules; track r.kind) {
          <stl-field
            [fieldId]="'retention-' + r.kind"
            [label]="'privacy.retention.kind.' + r.kind | transloco"
            [hint]="
              ('privacy.retention.countsFrom.' + r.countsFrom | transloco) +
              '. ' +
              ('privacy.retention.range' | transloco: { min: r.minMonths, max: r.maxMonths }) +
              ' ' +
              ('privacy.retention.keep' | transloco) +
              ': –'
            "
            [error]="errors()[r.kind] ?? null"
          >
            <input
              stlControl
              type="number"
              inputmode="numeric"
              [min]="r.minMonths"
              [max]="r.maxMonths"
              [formControl]="control(r)"
            />
          </stl-field>
        }
        <div class="actions">
          <button
            type="submit"
            class="button button--primary"
            [disabled]="busy()"
            data-testid="retention-save"
          >
            {{ 'privacy.retention.save' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
  styleUrls: ['../shared/admin.css'],
  styles: `
    .status {
      min-height: 1.5rem;
    }
    input[type='number'] {
      width: 8rem;
    }
  `,
})
export class AdminRetentionPage {
  private readonly api = inject(PrivacyApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  private readonly controls = new Map<string, FormControl<string>>();

  protected readonly state = apiResource({ stream: () => this.api.retention(this.organisationId) });
  /** The form directive (ngSubmit); each kind's control is bound on its own. */
  protected readonly form = this.fb.group({});
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly errors = signal<Record<string, string>>({});

  constructor() {
    effect(() => {
      if (!this.state.hasValue()) return;
      for (const r of this.state.value() ?? [])
        this.control(r).setValue(r.months === null ? '' : String(r.months));
    });
  }

  protected control(r: RetentionRule): FormControl<string> {
    let c = this.controls.get(r.kind);
    if (!c) this.controls.set(r.kind, (c = this.fb.control(r.months === null ? '' : String(r.months))));
    return c;
  }

  protected async save(rules: readonly RetentionRule[]): Promise<void> {
    this.saved.set(false);
    this.errors.set({});
    const input = rules.map((r) => {
      // A number input's control holds a number, or null when emptied.
      const v = String((this.control(r).value as string | number | null) ?? '').trim();
      return { kind: r.kind, months: v === '' ? null : Number(v) };
    });
    const local = Object.fromEntries(
      input
        .filter(
          (r, i) =>
            r.months !== null &&
            (!Number.isInteger(r.months) || r.months < rules[i].minMonths || r.months > rules[i].maxMonths),
        )
        .map((r) => [r.kind, 'problems.RETENTION_OUT_OF_RANGE']),
    );
    if (Object.keys(local).length) return this.errors.set(local);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.saveRetention(this.organisationId, input));
      this.saved.set(true);
    } catch (e) {
      const err = toApiError(e);
      this.errors.set(
        Object.fromEntries(
          err.problems.map((p) => [input[Number(p.field.split('.')[1])]?.kind ?? '', problemKey(p)]),
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
