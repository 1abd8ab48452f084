import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import { ErrorSummaryComponent, PageHeaderComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { NO_ERRORS, adminProblemKey, formErrorsFrom } from '../shared/admin-errors';
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
    FormsModule,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    SectionsEditorComponent,
  ],
  template: `
    <stl-page-header
      [heading]="'admin.templates.newTitle' | transloco"
      [lead]="'admin.templates.newLead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading to="/admin/templates" label="admin.templates.backToTemplates" />
    </stl-page-header>
    <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="errors().summary" />
    <form class="form" (ngSubmit)="save()" novalidate>
      <div class="field" [class.field--invalid]="fieldError('template-name')">
        <label for="template-name">{{ 'admin.templates.name' | transloco }}</label>
        @if (fieldError('template-name'); as error) {
          <p class="field__error" id="template-name-error">{{ error | transloco }}</p>
        }
        <input
          id="template-name"
          name="name"
          type="text"
          maxlength="200"
          [ngModel]="name()"
          (ngModelChange)="name.set($event)"
          [attr.aria-invalid]="fieldError('template-name') ? true : null"
          [attr.aria-describedby]="fieldError('template-name') ? 'template-name-error' : null"
        />
      </div>
      <div class="field" [class.field--invalid]="fieldError('template-description')">
        <label for="template-description">{{ 'admin.templates.description' | transloco }}</label>
        @if (fieldError('template-description'); as error) {
          <p class="field__error" id="template-description-error">{{ error | transloco }}</p>
        }
        <textarea
          id="template-description"
          name="description"
          rows="2"
          maxlength="5000"
          [ngModel]="description()"
          (ngModelChange)="description.set($event)"
          [attr.aria-invalid]="fieldError('template-description') ? true : null"
          [attr.aria-describedby]="fieldError('template-description') ? 'template-description-error' : null"
        ></textarea>
      </div>
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
  private readonly injector = inject(Injector);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';

  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly sections = signal<DraftSection[]>([emptySection()]);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly sectionErrors = signal<Record<string, string>>({});
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected async save(): Promise<void> {
    const list = this.sections();
    const fields: Record<string, string> = {};
    const sectionFields: Record<string, string> = {};
    const summary: SummaryItem[] = [];
    if (!this.name().trim()) {
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
          name: this.name().trim(),
          description: this.description().trim(),
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
    this.errors.set(errors);
    this.sectionErrors.set(sectionErrors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
