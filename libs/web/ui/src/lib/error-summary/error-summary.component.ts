import { TranslocoPipe } from '@jsverse/transloco';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';

export interface ErrorSummaryItem {
  /** The id of the field to fix; the message links to it. */
  target?: string | null;
  /** Translation key of the sentence, and its parameters. */
  key: string;
  params?: Record<string, unknown>;
}

let nextId = 0;

/**
 * A list of what must be fixed, at the top of a form, each linking to its field (the GOV.UK
 * pattern). Call focus() after a failed submit so keyboard and screen-reader users land on it.
 */
@Component({
  selector: 'stl-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (errors().length) {
      <div #box class="error-summary" role="alert" tabindex="-1" [attr.aria-labelledby]="headingId">
        <h2 [id]="headingId" class="error-summary__heading">{{ heading() }}</h2>
        <ul>
          @for (e of errors(); track $index) {
            <li>
              @if (e.target) {
                <a [href]="'#' + e.target" (click)="focusField($event, e.target)">{{
                  e.key | transloco: e.params
                }}</a>
              } @else {
                {{ e.key | transloco: e.params }}
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .error-summary {
      border: 3px solid #b42318;
      border-radius: 0.5rem;
      padding: 1rem 1.25rem;
      margin-block-end: 1.5rem;
      background: #fff;
    }
    .error-summary:focus {
      outline: 3px solid #0b5cad;
      outline-offset: 2px;
    }
    .error-summary__heading {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    a {
      color: #9b1c1c;
      font-weight: 600;
    }
  `,
})
export class ErrorSummaryComponent {
  private readonly document = inject(DOCUMENT);
  readonly heading = input.required<string>();
  readonly errors = input<readonly ErrorSummaryItem[]>([]);
  protected readonly headingId = `stl-error-summary-${++nextId}`;
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box()?.nativeElement.focus();
  }

  protected focusField(event: Event, id: string): void {
    // The app routes by path: a plain #id link would navigate away from this page.
    event.preventDefault();
    const field = this.document.getElementById(id);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }
}
