import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, PageHeaderComponent, formProblems } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { adminProblemKey, formErrorsFrom } from '../shared/admin-errors';
import type { FormErrors, SummaryItem } from '../shared/admin-errors';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { SectionsEditorComponent } from './sections-editor.component';
import { emptySection, sectionOfField, sectionProblems, toSectionInputs } from './section-list';
import type { DraftSection } from './section-list';

const FIELD_IDS: Record<string, string> = { name: 'template-name', description: 'template-description' };

/** A new analysis template: name, description and the sections of its version 1. */
@Component({
  selector: 'stl-admin-template-new-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    SectionsEditorComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'admin.templates.newTitle' | transloco"
      [lead]="'admin.templates.newLead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading to="/admin/templates" label="admin.templates.backToTemplates" />
    </stl-page-header>
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="problems.summary()" />
    <form class="form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <stl-field
        fieldId="template-name"
        [label]="'admin.templates.name' | transloco"
        [error]="problems.of('template-name')"
      >
        <input stlControl formControlName="name" type="text" maxlength="200" />
      </stl-field>
      <stl-field
        fieldId="template-description"
        [label]="'admin.templates.description' | transloco"
        [error]="problems.of('template-description')"
      >
        <textarea stlControl formControlName="description" rows="2" maxlength="5000"></textarea>
      </stl-field>
      <h2>{{ 'admin.templates.sectionsHeading' | transloco }}</h2>
      <stl-admin-sections-editor [(sections)]="sections" [errors]="sectionErrors()" />
      <div class="actions">
        <button type="submit" class="button button--primary" [disabled]="busy()">
          {{ (busy() ? 'admin.saving' : 'admin.templates.createSubmit') | transloco }}
        </button>
      </div>
    </form>
  `,
  styleUrls: ['../shared/admin.css'],
})
export class AdminTemplateNewPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';

  protected readonly form = inject(NonNullableFormBuilder).group({ name: '', description: '' });
  protected readonly sections = signal<DraftSection[]>([emptySection()]);
  protected readonly busy = signal(false);
  protected readonly sectionErrors = signal<Record<string, string>>({});
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);

  protected async save(): Promise<void> {
    const list = this.sections();
    const fields: Record<string, string> = {};
    const sectionFields: Record<string, string> = {};
    const summary: SummaryItem[] = [];
    const { name, description } = this.form.getRawValue();
    if (!name.trim()) {
      fields['template-name'] = 'admin.templates.nameMissing';
      summary.push({ target: 'template-name', key: 'admin.templates.nameMissing' });
    }
    for (const p of sectionProblems(list)) {
      if (p.field === 'list') {
        summary.push({ target: 'add-section', key: p.key });
        continue;
      }
      sectionFields[`${p.index}.${p.field}`] = p.key;
      summary.push({
        target: `section-${list[p.index].uid}-${p.field}`,
        key: `admin.templates.sectionIssue.${p.field}`,
        params: { number: p.index + 1 },
      });
    }
    if (summary.length) return this.fail({ fields, summary }, sectionFields);

    this.busy.set(true);
    try {
      const { createAnalysisTemplate } = await firstValueFrom(
        this.api.createTemplate({
          organisationId: this.organisationId,
          name: name.trim(),
          description: description.trim(),
          sections: toSectionInputs(list),
        }),
      );
      await this.router.navigate(['/admin/templates', createAnalysisTemplate.id], {
        queryParams: { created: 1 },
      });
    } catch (e) {
      const error = toApiError(e);
      const fromSections: Record<string, string> = {};
      for (const p of error.problems) {
        const at = sectionOfField(p.field);
        if (at) fromSections[`${at.index}.${at.field}`] = adminProblemKey(p);
      }
      this.fail(
        formErrorsFrom(error, (field) => {
          const at = sectionOfField(field);
          if (at) return list[at.index] ? `section-${list[at.index].uid}-${at.field}` : null;
          return FIELD_IDS[field] ?? null;
        }),
        fromSections,
      );
    } finally {
      this.busy.set(false);
    }
  }

  private fail(errors: FormErrors, sectionErrors: Record<string, string>): void {
    this.sectionErrors.set(sectionErrors);
    this.problems.fail(errors);
  }
}
