import { DOCUMENT, Injectable, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import type { Signal } from '@angular/core';
import { toApiError } from '@stl/web/data-access';
import type { ApiError, FollowUpCohort, ProgressRow } from '@stl/web/data-access';

export interface Person {
  name: string;
  schoolId: string | null;
  schoolName: string | null;
  left: boolean;
}

/** A sentence to announce after an action: a translation key and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

/** What the parts read of the page's data. */
export interface PageSource {
  cohort: FollowUpCohort;
  people: readonly ProgressRow[];
}

export interface AnalysisGroup<T> {
  analysisId: string;
  authorId: string;
  items: T[];
}

export function groupByAnalysis<T extends { analysisId: string }>(
  items: readonly T[],
  authorOf: (item: T) => string,
): AnalysisGroup<T>[] {
  const groups = new Map<string, AnalysisGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.analysisId) ?? {
      analysisId: item.analysisId,
      authorId: authorOf(item),
      items: [],
    };
    group.items.push(item);
    groups.set(item.analysisId, group);
  }
  return [...groups.values()];
}

/**
 * What the parts of the allocation page share, provided by the page: who is who, and one way to
 * run a change (busy while it runs, the sentence announced after it, the error if refused, and a
 * reload of the page's data either way).
 */
@Injectable()
export class AllocationContext {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** The page's data, read where the parts need it (see `connect`). */
  private readonly source = signal<Signal<PageSource | null> | null>(null);
  readonly cohort = computed(() => this.source()?.()?.cohort ?? null);
  /** The cohort's participants with their progress, those who left included. */
  readonly participants = computed(() => this.source()?.()?.people ?? []);

  readonly busy = signal(false);
  readonly message = signal<Message | null>(null);
  readonly actionError = signal<ApiError | null>(null);
  /** Bumped after every change, so the page loads its data again. */
  readonly reload = signal(0);

  readonly people = computed(() => {
    const map = new Map<string, Person>();
    for (const p of this.participants()) {
      map.set(p.person.id, {
        name: p.person.fullName,
        schoolId: p.schoolId ?? null,
        schoolName: p.schoolName ?? null,
        left: !!p.leftAt,
      });
    }
    for (const l of this.cohort()?.leaders ?? []) {
      if (!map.has(l.id)) map.set(l.id, { name: l.fullName, schoolId: null, schoolName: null, left: false });
    }
    return map;
  });

  /** The page hands over its data once; the parts follow it as it reloads. */
  connect(source: Signal<PageSource | null>): void {
    this.source.set(source);
  }

  nameOf(personId: string): string {
    return this.people().get(personId)?.name ?? '–';
  }

  schoolOf(personId: string): string | null {
    return this.people().get(personId)?.schoolName ?? null;
  }

  /** Keyboard and screen-reader users land on the control that just opened. */
  focusAfterRender(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  /**
   * Runs one change; on success announces it and reloads, on failure keeps every choice made.
   * True when it succeeded.
   */
  async act(run: () => Promise<Message>): Promise<boolean> {
    this.busy.set(true);
    this.actionError.set(null);
    this.message.set(null);
    try {
      const message = await run();
      this.message.set(message);
      this.reload.update((n) => n + 1);
      return true;
    } catch (e) {
      this.actionError.set(toApiError(e));
      // Something may have changed before the failure (e.g. apply done, a swap refused).
      this.reload.update((n) => n + 1);
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
