import type { EmbeddedViewRef, WritableResource } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  Injector,
  TemplateRef,
  ViewContainerRef,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the ready template gets: the loaded value (`let data`). */
export interface LoadContext<T> {
  $implicit: Exclude<T, undefined>;
  stlLoad: Exclude<T, undefined>;
}

/** The sentence for an error with no key of its own. */
export const UNKNOWN_ERROR_KEY = 'errors.UNKNOWN';

/**
 * The translation key to show for an error: its `messageKey` (an ApiError has one, saying what
 * went wrong in the reader's language), else a general sentence. Structural, so this lib needs
 * nothing of data-access.
 */
export function errorKeyOf(error: unknown): string {
  const key = (error as { messageKey?: unknown } | null | undefined)?.messageKey;
  return typeof key === 'string' && key ? key : UNKNOWN_ERROR_KEY;
}

/** Which of the three states to draw. Ready as soon as there is a value, also while it reloads. */
export function loadStateOf(resource: WritableResource<unknown>): 'loading' | 'error' | 'ready' {
  if (resource.status() === 'error') return 'error';
  return resource.hasValue() ? 'ready' : 'loading';
}

/**
 * Renders data a page loads (an Angular resource, e.g. from `apiResource` in data-access) in its
 * three states, the same way on every page:
 *
 *     <ng-container *stlLoad="cohort; let c">{{ c.name }}</ng-container>
 *
 * While loading: "Loading …" in a polite status region. On error: the error's sentence in the
 * reader's language in an alert region, with a button that tries again. Ready: the template with
 * the value, typed. While it reloads, the old value stays and the region is marked aria-busy.
 * The states are drawn inside one block element (`stl-load-state`): use it where a block fits.
 */
@Directive({ selector: '[stlLoad]' })
export class LoadDirective<T> {
  readonly stlLoad = input.required<WritableResource<T>>();
  /**
   * The height to hold while loading (a CSS length, `*stlLoad="x; reserve: '100dvh'"`), for a page
   * known to fill more than the window: the footer stays below the fold instead of being pushed
   * out of view when the page arrives (a layout shift).
   */
  readonly stlLoadReserve = input<string | null>(null);
  readonly template = inject<TemplateRef<LoadContext<T>>>(TemplateRef);

  constructor() {
    const container = inject(ViewContainerRef);
    container.createComponent(LoadStateComponent, {
      injector: Injector.create({
        providers: [{ provide: LoadDirective, useValue: this }],
        parent: container.injector,
      }),
    });
  }

  /** Types `let data` in the template as the loaded value. */
  static ngTemplateContextGuard<T>(_dir: LoadDirective<T>, ctx: unknown): ctx is LoadContext<T> {
    return ctx !== null;
  }
}

/** The states `*stlLoad` draws; used only through that directive. */
@Component({
  selector: 'stl-load-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  host: {
    '[attr.aria-busy]': 'busy() ? "true" : null',
    '[style.min-height]': 'state() === "loading" ? reserve() : null',
  },
  template: `
    @switch (state()) {
      @case ('loading') {
        <p role="status">{{ 'common.loading' | transloco }}</p>
      }
      @case ('error') {
        <div role="alert">
          <p class="error-text">{{ errorKey() | transloco }}</p>
          <p>
            <button type="button" class="button" (click)="resource().reload()">
              {{ 'common.retry' | transloco }}
            </button>
          </p>
        </div>
      }
    }
    <ng-container #ready />
  `,
  styles: `
    :host {
      display: block;
    }
    /* No margin: what replaces the loading line starts where it was, so nothing jumps (CLS). */
    [role='status'] {
      margin-block: 0;
    }
  `,
})
export class LoadStateComponent {
  private readonly host = inject<LoadDirective<unknown>>(LoadDirective);
  protected readonly resource = computed(() => this.host.stlLoad());
  protected readonly state = computed(() => loadStateOf(this.resource()));
  protected readonly busy = computed(() => this.resource().isLoading());
  protected readonly reserve = computed(() => this.host.stlLoadReserve());
  protected readonly errorKey = computed(() => errorKeyOf(this.resource().error()));
  private readonly outlet = viewChild.required('ready', { read: ViewContainerRef });
  private view: EmbeddedViewRef<LoadContext<unknown>> | null = null;

  constructor() {
    // Draw the ready template once, then hand it each new value (a reload keeps the DOM and focus).
    effect(() => {
      const outlet = this.outlet();
      const value = this.state() === 'ready' ? this.resource().value() : undefined;
      if (value === undefined) {
        outlet.clear();
        this.view = null;
      } else if (this.view) {
        this.view.context.$implicit = value;
        this.view.context.stlLoad = value;
        this.view.markForCheck();
      } else {
        this.view = outlet.createEmbeddedView(this.host.template, { $implicit: value, stlLoad: value });
      }
    });
  }
}
