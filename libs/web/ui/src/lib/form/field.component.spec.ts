import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { fireEvent, render, screen } from '@testing-library/angular';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { ErrorSummaryComponent } from '../error-summary/error-summary.component';
import { FIELD } from './field';
import { formErrorsFrom, formErrorsOf } from './form-errors';
import { formProblems } from './form-problems';

/** A small form as the screens build them: a typed reactive form, fields, a summary. */
@Component({
  selector: 'stl-test-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, ErrorSummaryComponent, ...FIELD],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <stl-error-summary heading="Fix these" [errors]="problems.summary()" />
      <stl-field fieldId="name" label="Name" [error]="problems.of('name')" [required]="true">
        <input stlControl formControlName="name" type="text" />
      </stl-field>
      <stl-field fieldId="code" label="Unit code" hint="Eight digits." [error]="problems.of('code')">
        <input stlControl formControlName="code" type="text" />
      </stl-field>
      <button type="submit">Save</button>
    </form>
  `,
})
class TestForm {
  readonly form = inject(NonNullableFormBuilder).group({ name: '', code: '' });
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  readonly problems = formProblems(this.summaryBox);
  readonly sent = signal<{ name: string; code: string } | null>(null);

  submit(): void {
    const { name, code } = this.form.getRawValue();
    const fields: Record<string, string> = {};
    if (!name.trim()) fields['name'] = 'admin.problems.required';
    if (code && !/^\d{8}$/.test(code)) fields['code'] = 'admin.problems.unitCode';
    if (Object.keys(fields).length) return this.problems.fail(formErrorsOf(fields));
    this.problems.clear();
    this.sent.set({ name, code });
  }
}

describe('stl-field with stlControl', () => {
  it('labels the control, describes it by its hint and marks it required', async () => {
    await render(TestForm, { providers: [provideI18nTesting()] });
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.id).toBe('name');
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(name.getAttribute('aria-describedby')).toBeNull();

    const code = screen.getByRole('textbox', { name: 'Unit code' });
    expect(code.getAttribute('aria-required')).toBeNull();
    expect(code.getAttribute('aria-describedby')).toBe('code-hint');
    expect(document.getElementById('code-hint')?.textContent).toBe('Eight digits.');
  });

  it('after a failed submit: the translated error beside each field, aria-invalid, summary focused', async () => {
    const { fixture } = await render(TestForm, { providers: [provideI18nTesting()] });
    fireEvent.input(screen.getByRole('textbox', { name: 'Unit code' }), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await fixture.whenStable();

    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('name-error');
    expect(document.getElementById('name-error')?.textContent).toBe('Fill in this field.');
    const code = screen.getByRole('textbox', { name: 'Unit code' });
    expect(code.getAttribute('aria-describedby')).toBe('code-hint code-error');
    expect(document.getElementById('code-error')?.textContent).toBe(
      'The school unit code must be exactly 8 digits.',
    );

    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#name', '#code']);

    // Fixed: the errors go, what was typed is kept and sent.
    fireEvent.input(name, { target: { value: 'Ekbacken' } });
    fireEvent.input(code, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await fixture.whenStable();
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fixture.componentInstance.sent()).toEqual({ name: 'Ekbacken', code: '' });
  });
});

describe('formErrorsFrom', () => {
  const refusal = {
    code: 'BAD_USER_INPUT',
    messageKey: 'errors.BAD_USER_INPUT',
    problems: [
      { field: 'input.name', code: 'NAME_TAKEN' },
      { field: 'input.name', code: 'NAME_TAKEN' },
      { field: 'organisationId', code: 'isUuid' },
    ],
  };
  const ids = (field: string) => (field === 'input.name' ? 'school-name' : null);

  it('places each problem beside its field once, and lists the ones without a field unlinked', () => {
    expect(formErrorsFrom(refusal, ids, (p) => `problems.${p.code}`)).toEqual({
      fields: { 'school-name': 'problems.NAME_TAKEN' },
      summary: [{ target: 'school-name', key: 'problems.NAME_TAKEN' }, { key: 'problems.isUuid' }],
    });
  });

  it('falls back to the refusal’s own sentence, or the screen’s wording for its code', () => {
    const conflict = { code: 'CONFLICT', messageKey: 'errors.CONFLICT', problems: [] };
    expect(formErrorsFrom(conflict, ids, () => 'x').summary).toEqual([{ key: 'errors.CONFLICT' }]);
    expect(formErrorsFrom(conflict, ids, () => 'x', { CONFLICT: 'admin.schools.taken' }).summary).toEqual([
      { key: 'admin.schools.taken' },
    ]);
  });
});
