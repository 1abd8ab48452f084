import type { WritableResource } from '@angular/core';
import { Directive, TemplateRef, ViewContainerRef, inject, inputBinding, input } from '@angular/core';
import { LoadStateComponent } from './load-state.component';

/** What the ready template gets: the loaded value (`let data`) and the resource itself. */
export interface LoadContext<T> {
  $implicit: Exclude<T, undefined>;
  stlLoad: Exclude<T, undefined>;
}

/**
 * Renders data a page loads (an Angular resource, e.g. from `apiResource`) in its three states, the
 * same way on every page:
 *
 *     <section *stlLoad="cohort; let c">{{ c.name }}</section>
 *
 * While loading: "Loading …" in a polite status region. On error: the error's sentence in the
 * reader's language (its `messageKey`) in an alert region, with a button that tries again. Ready:
 * the element with the value, typed. While it reloads, the old value stays and the region is
 * marked aria-busy.
 */
@Directive({ selector: '[stlLoad]' })
export class LoadDirective<T> {
  readonly stlLoad = input.required<WritableResource<T>>();
  constructor() {
    const template = inject<TemplateRef<LoadContext<T>>>(TemplateRef);
    inject(ViewContainerRef).createComponent(LoadStateComponent, {
      bindings: [
        inputBinding('resource', this.stlLoad as () => WritableResource<unknown>),
        inputBinding('template', () => template as TemplateRef<unknown>),
      ],
    });
  }

  /** Types `let data` in the template as the loaded value. */
  static ngTemplateContextGuard<T>(_dir: LoadDirective<T>, ctx: unknown): ctx is LoadContext<T> {
    return ctx !== null;
  }
}
