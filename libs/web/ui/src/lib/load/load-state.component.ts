import type { TemplateRef, WritableResource } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';

/** An error that can say what went wrong: the translation key of a plain sentence (ApiError has one). */
interface ExplainedError {
  messageKey?: unknown;
}

/** The sentence for an error with no key of its own. */
export const UNKNOWN_ERROR_KEY = 'errors.UNKNOWN';

/** The translation key to show for a resource's error. */
export function errorKeyOf(error: unknown): string {
  const key = (error as ExplainedError | null | undefined)?.messageKey;
  return typeof key === 'string' && key ? key : UNKNOWN_ERROR_KEY;
}

/** The states `*stlLoad` draws; used only through that directive. */
@Component({
  selector: 'stl-load-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslocoPipe],
  host: { '[attr.aria-busy]': 'busy() ? "true" : null', class: 'load-state' },
  template: `
    @switch (state()) {
      @case ('loading') {
        <p class="load-state__loading" role="status">{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <div class="load-state__error" role="alert">
          <p class="error-text">{{ errorKey() | transloco }}</p>
          <p>
            <button type="button" class="button" (click)="resource().reload()">
              {{ 'common.retry' | transloco }}
            </button>
          </p>
        </div>
      }
      @case ('ready') {
        <ng-container
          *ngTemplateOutlet="
            template();
            context: { $implicit: resource().value(), stlLoad: resource().value() }
          "
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class LoadStateComponent {
  readonly resource = input.required<WritableResource<unknown>>();
  readonly template = input.required<TemplateRef<unknown>>();

  /** Ready as soon as there is a value, also while it reloads (the old value stays). */
  protected readonly state = computed<'loading' | 'error' | 'ready'>(() => {
    const r = this.resource();
    const status = r.status();
    if (status === 'error') return 'error';
    return r.value() !== undefined ? 'ready' : 'loading';
  });
  protected readonly busy = computed(() => this.resource().isLoading());
  protected readonly errorKey = computed(() => errorKeyOf(this.resource().error()));
}
