import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { ResourceRef } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, forkJoin, map, of } from 'rxjs';
import type { Observable } from 'rxjs';
import { DraftHistoryApi, apiResource, toApiError } from '@stl/web/data-access';
import type { ApiError, DraftSnapshotSummary, TemplateSection } from '@stl/web/data-access';
import { LoadDirective } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { richTextToPlainText } from '@stl/shared/domain';
import { historyEntries } from './version-history';
import type { HistoryEntry } from './version-history';

/** What the writer asked to put back into the draft. */
export interface RestoreSection {
  sectionKey: string;
  html: string;
}

interface OpenedText {
  entry: HistoryEntry;
  answers: readonly { sectionKey: string; html: string }[];
}

/**
 * "Versionshistorik" (ADR 0028): the server's history of my draft (earlier revisions, texts set
 * aside in conflicts) beside the published versions, in a modal side panel loaded only when opened.
 * One entry opens read-only with its sections rendered; each section can be copied as plain text or
 * restored into the draft (which then saves as any edit does).
 */
@Component({
  selector: 'stl-version-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, LoadDirective, ...FORMAT_PIPES],
  templateUrl: './version-history.component.html',
  styleUrl: './version-history.component.css',
})
export class VersionHistoryComponent {
  private readonly api = inject(DraftHistoryApi);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).lang;

  readonly analysisId = input.required<string | null>();
  readonly sections = input.required<readonly TemplateSection[]>();
  readonly restore = output<RestoreSection>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly backButton = viewChild<ElementRef<HTMLButtonElement>>('backButton');
  private readonly heading = viewChild.required<ElementRef<HTMLHeadingElement>>('heading');

  protected readonly isOpen = signal(false);
  /** Bumped on every opening, so the list is read afresh. */
  private readonly openings = signal(0);
  protected readonly list = apiResource({
    params: () => (this.isOpen() ? { analysisId: this.analysisId(), opening: this.openings() } : undefined),
    stream: ({ analysisId }) =>
      analysisId
        ? forkJoin([this.api.page(analysisId, null), this.api.published(analysisId)]).pipe(
            map(([drafts, published]) => ({
              drafts: drafts.analysisDraftHistory,
              published: published.analysis.versions,
            })),
          )
        : of(null),
  });
  /** Older pages of drafts loaded with "Visa äldre". */
  private readonly older = signal<{ nodes: DraftSnapshotSummary[]; endCursor: string | null; more: boolean }>(
    {
      nodes: [],
      endCursor: null,
      more: false,
    },
  );
  protected readonly loadingOlder = signal(false);
  protected readonly olderError = signal<ApiError | null>(null);

  protected readonly entries = computed(() => {
    const data = this.list.hasValue() ? this.list.value() : null;
    if (!data) return [];
    return historyEntries([...data.drafts.nodes, ...this.older().nodes], data.published);
  });
  protected readonly hasOlder = computed(() => {
    const data = this.list.hasValue() ? this.list.value() : null;
    const older = this.older();
    return older.endCursor ? older.more : !!data?.drafts.pageInfo.hasNextPage;
  });

  protected readonly opened = signal<HistoryEntry | null>(null);
  protected readonly text: ResourceRef<OpenedText | undefined> = apiResource({
    params: () => this.opened() ?? undefined,
    stream: (entry: HistoryEntry): Observable<OpenedText> =>
      entry.kind === 'published'
        ? of({ entry, answers: entry.version.answers })
        : this.api.snapshot(entry.id).pipe(map((r) => ({ entry, answers: r.analysisDraftSnapshot.answers }))),
  });
  /** The sections of the opened text, in the template's order, with titles. */
  protected readonly openedSections = computed(() => {
    const opened = this.text.hasValue() ? this.text.value() : undefined;
    if (!opened) return [];
    const byKey = new Map(opened.answers.map((a) => [a.sectionKey, a.html]));
    return this.sections()
      .filter((s) => byKey.has(s.key))
      .map((s) => ({ key: s.key, title: `${s.position}. ${s.title}`, html: byKey.get(s.key) ?? '' }));
  });
  /** The last copy: which section, and whether the browser let us write the clipboard. */
  protected readonly copied = signal<{ title: string; ok: boolean } | null>(null);

  protected titleOf(sectionKey: string): string {
    const s = this.sections().find((x) => x.key === sectionKey);
    return s ? `${s.position}. ${s.title}` : sectionKey;
  }

  protected open(): void {
    this.older.set({ nodes: [], endCursor: null, more: false });
    this.opened.set(null);
    this.copied.set(null);
    this.openings.update((n) => n + 1);
    this.isOpen.set(true);
    this.dialog().nativeElement.showModal();
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  /** Closed by the button or Esc: focus goes back to the button that opened it. */
  protected onClosed(): void {
    this.isOpen.set(false);
    this.trigger().nativeElement.focus();
  }

  /** The button pressed goes away with the list, so focus moves to the way back. */
  protected show(entry: HistoryEntry): void {
    this.copied.set(null);
    this.opened.set(entry);
    afterNextRender(() => this.backButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected back(): void {
    this.opened.set(null);
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected async loadOlder(): Promise<void> {
    const analysisId = this.analysisId();
    const data = this.list.hasValue() ? this.list.value() : null;
    if (!analysisId || !data) return;
    const after = this.older().endCursor ?? data.drafts.pageInfo.endCursor;
    this.loadingOlder.set(true);
    this.olderError.set(null);
    try {
      const { analysisDraftHistory: page } = await firstValueFrom(this.api.page(analysisId, after));
      this.older.update((o) => ({
        nodes: [...o.nodes, ...page.nodes],
        endCursor: page.pageInfo.endCursor,
        more: page.pageInfo.hasNextPage,
      }));
    } catch (e) {
      this.olderError.set(toApiError(e));
    } finally {
      this.loadingOlder.set(false);
    }
  }

  protected async copy(section: { key: string; title: string; html: string }): Promise<void> {
    try {
      await navigator.clipboard.writeText(richTextToPlainText(section.html));
      this.copied.set({ title: section.title, ok: true });
    } catch {
      // No clipboard permission (or an old browser): the text is shown, so it can be selected by hand.
      this.copied.set({ title: section.title, ok: false });
    }
  }

  protected restoreSection(section: { key: string; html: string }): void {
    this.restore.emit({ sectionKey: section.key, html: section.html });
    this.close();
  }
}
