import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The top of every page: the one h1 (focused after navigation by the app shell, so screen readers
 * announce the new page), an optional lead, and projected content such as a back link or actions.
 */
@Component({
  selector: 'stl-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <ng-content select="[stlBeforeHeading]" />
      <h1 tabindex="-1">{{ heading() }}</h1>
      @if (lead()) {
        <p class="page-header__lead">{{ lead() }}</p>
      }
      <ng-content />
    </header>
  `,
  styles: `
    .page-header {
      margin-block-end: 1.5rem;
    }
    h1 {
      margin: 0.25rem 0 0.5rem;
      font-size: clamp(1.5rem, 4vw, 2rem);
      line-height: 1.2;
    }
    h1:focus {
      outline: none;
    }
    .page-header__lead {
      margin: 0;
      color: var(--stl-text-muted);
      font-size: 1.0625rem;
    }
  `,
})
export class PageHeaderComponent {
  readonly heading = input.required<string>();
  readonly lead = input<string | null>(null);
}
