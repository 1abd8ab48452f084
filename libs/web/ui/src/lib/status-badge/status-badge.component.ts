import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status in words (never colour alone): "Utkast", "Publicerad", "Försenad". */
@Component({
  selector: 'stl-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"badge badge--" + tone()' },
  template: `<ng-content />`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.875rem;
      font-weight: 600;
      line-height: 1.5;
      white-space: nowrap;
    }
    /* Every pair has a contrast of at least 7:1. */
    :host(.badge--neutral) {
      background: #eef0f3;
      color: #30363d;
    }
    :host(.badge--info) {
      background: #e6f0fb;
      color: #0b3d75;
    }
    :host(.badge--success) {
      background: #e3f4e8;
      color: #14532d;
    }
    :host(.badge--warning) {
      background: #fff4d6;
      color: #5c3d00;
    }
    :host(.badge--danger) {
      background: #fde8e8;
      color: #7f1d1d;
    }
  `,
})
export class StatusBadgeComponent {
  readonly tone = input<BadgeTone>('neutral');
}
