import { ChangeDetectionStrategy, Component, Directive, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * One form field: its label, an optional hint, and the sentence saying what to fix (a
 * translation key, e.g. from the form's FormErrors), wired to the control for screen readers:
 *
 *     <stl-field fieldId="school-name" [label]="'admin.schools.name' | transloco" [error]="errors.of('school-name')">
 *       <input stlControl type="text" formControlName="name" />
 *     </stl-field>
 *
 * The control (marked `stlControl`) gets the id, `aria-describedby` (hint, then error),
 * `aria-invalid` while there is an error, and `aria-required` when the field is required.
 */
@Component({
  selector: 'stl-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  host: { class: 'field', '[class.field--invalid]': '!!error()' },
  template: `
    <label [attr.for]="fieldId()">{{ label() }}</label>
    @if (hint()) {
      <p class="field__hint" [id]="hintId()">{{ hint() }}</p>
    }
    @if (error(); as key) {
      <p class="field__error" [id]="errorId()">{{ key | transloco: errorParams() }}</p>
    }
    <ng-content />
  `,
})
export class FieldComponent {
  /** The control's id: the label points at it, and the error summary links to it. */
  readonly fieldId = input.required<string>();
  /** The label, already translated. */
  readonly label = input.required<string>();
  /** A hint under the label, already translated. */
  readonly hint = input<string | null>(null);
  /** Translation key of what to fix, or null when the field is fine. */
  readonly error = input<string | null>(null);
  readonly errorParams = input<Record<string, unknown> | undefined>(undefined);
  readonly required = input(false);

  readonly hintId = computed(() => `${this.fieldId()}-hint`);
  readonly errorId = computed(() => `${this.fieldId()}-error`);
  /** What the control is described by: the hint, then the error. */
  readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.hintId() : null, this.error() ? this.errorId() : null];
    return ids.filter(Boolean).join(' ') || null;
  });
}

/** Marks the control of a `stl-field` and gives it the field's id and aria attributes. */
@Directive({
  selector: '[stlControl]',
  host: {
    '[id]': 'field.fieldId()',
    '[attr.aria-describedby]': 'field.describedBy()',
    '[attr.aria-invalid]': 'field.error() ? "true" : null',
    '[attr.aria-required]': 'field.required() ? "true" : null',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FieldComponent);
}

/** The field and its control, for a component's imports. */
export const FIELD = [FieldComponent, FieldControlDirective] as const;
