import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminTemplateDetail, FieldProblem } from '@stl/web/data-access';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { NO_ERRORS, adminProblemKey, formErrorsFrom } from '../shared/admin-errors';
import type { FormErrors, SummaryItem } from '../shared/admin-errors';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { SectionsEditorComponent } from './sections-editor.component';
import { newUid, sameSections, sectionOfField, sectionProblems, toSectionInputs } from './section-list';
import type { DraftSection } from './section-list';
import { roundsPerVersion } from './template-usage';

type Version = AdminTemplateDetail['versions'][number];

function draftOf(version: Version | undefined): DraftSection[] {
  return [...(version?.sections ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      uid: newUid(),
      key: s.key,
      title: s.title,
      prompt: s.prompt,
      helpText: s.helpText,
      required: s.required,
    }));
}

/** API problems about sections, keyed `<index>.<field>` for the sections editor. */
function sectionErrorsOf(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const at = sectionOfField(p.field);
    if (at) out[`${at.index}.${at.field}`] = adminProblemKey(p);
  }
  return out;
}

/**
 * A template's versions, and an editor that starts from the latest one and saves the result as a
 * NEW version: a version in use never changes under the people writing in it.
 */
@Component({
  selector: 'stl-admin-template-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    SectionsEditorComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './template-editor.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminTemplateEditorPage {
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameter. */
  readonly templateId = input.required<string>();
  /** Query parameter: set when the template was just created. */
  readonly created = input<string>();

  protected readonly loaded = apiResource({ params: this.templateId, stream: (id) => this.api.template(id) });
  protected readonly template = computed<AdminTemplateDetail | null>(() =>
    this.loaded.hasValue() ? this.loaded.value().analysisTemplate : null,
  );
  protected readonly usage = computed(() =>
    this.loaded.hasValue() ? roundsPerVersion(this.loaded.value().cohorts.nodes) : new Map<string, number>(),
  );
  protected readonly latest = computed(() => this.template()?.versions.at(-1));
  protected readonly nextVersion = computed(() => (this.latest()?.version ?? 0) + 1);

  /** The latest version as a draft: edited here, and started afresh when a new version is loaded. */
  protected readonly sections = linkedSignal<DraftSection[]>(() => draftOf(this.latest()));
  private readonly original = computed(() => draftOf(this.latest()));
  protected readonly unchanged = computed(() => sameSections(this.sections(), this.original()));
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly sectionErrors = signal<Record<string, string>>({});
  protected readonly saved = signal<number | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected startOver(): void {
    this.sections.set(draftOf(this.latest()));
    this.errors.set(NO_ERRORS);
    this.sectionErrors.set({});
  }

  protected async save(): Promise<void> {
    const t = this.template();
    if (!t) return;
    this.saved.set(null);
    const list = this.sections();
    const problems = sectionProblems(list);
    if (this.unchanged()) {
      return this.fail({ fields: {}, summary: [{ key: 'admin.templates.nothingChanged' }] }, {});
    }
    if (problems.length) {
      const fields: Record<string, string> = {};
      const summary: SummaryItem[] = [];
      for (const p of problems) {
        if (p.field === 'list') {
          summary.push({ target: 'add-section', key: p.key });
          continue;
        }
        fields[`${p.index}.${p.field}`] = p.key;
        summary.push({
          target: `section-${list[p.index].uid}-${p.field}`,
          key: `admin.templates.sectionIssue.${p.field}`,
          params: { number: p.index + 1 },
        });
      }
      return this.fail({ fields: {}, summary }, fields);
    }
    this.busy.set(true);
    try {
      const { createAnalysisTemplateVersion } = await firstValueFrom(
        this.api.createTemplateVersion(t.id, toSectionInputs(list)),
      );
      // The new version loads and becomes the draft to start from.
      this.errors.set(NO_ERRORS);
      this.sectionErrors.set({});
      this.loaded.reload();
      this.saved.set(createAnalysisTemplateVersion.version);
    } catch (e) {
      const error = toApiError(e);
      this.fail(
        formErrorsFrom(error, (field) => {
          const at = sectionOfField(field);
          return at && list[at.index] ? `section-${list[at.index].uid}-${at.field}` : null;
        }),
        sectionErrorsOf(error.problems),
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
