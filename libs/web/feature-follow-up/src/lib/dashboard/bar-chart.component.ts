import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { Chart } from 'chart.js';

/** One bar per label in each series; null is a gap (no figure). */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
}

/** Distinct on white and for the common colour-vision deficiencies (Okabe–Ito). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

/**
 * A bar chart with its numbers: the figure's title and a short summary in words, the chart drawn
 * by Chart.js (imported when the chart first renders, so the library is in this route's chunk and
 * never in the start bundle), and a table with exactly the numbers drawn, for screen readers and
 * for anyone who would rather read than look. The canvas is an image named by the summary.
 */
@Component({
  selector: 'stl-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption>
        <h3 class="chart__title">{{ heading() }}</h3>
        <p class="chart__summary" data-testid="chart-summary">{{ summary() }}</p>
      </figcaption>
      <div class="chart__canvas" [style.height.px]="height()">
        <canvas #canvas role="img" [attr.aria-label]="heading() + '. ' + summary()"></canvas>
      </div>
      <!-- Scrolls on its own when narrower than the table: focusable and named, so keys scroll it. -->
      <div class="chart__table" role="region" [attr.aria-label]="heading()" tabindex="0">
        <table>
          <caption>
            {{
              tableCaption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ category() }}</th>
              @for (s of series(); track $index) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (label of labels(); track $index; let i = $index) {
              <tr>
                <th scope="row">{{ label }}</th>
                @for (s of series(); track $index) {
                  <td>{{ format()(s.values[i] ?? null) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0 0 2rem;
    }
    .chart__title {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    .chart__summary {
      margin: 0 0 0.75rem;
      max-width: 70ch;
    }
    .chart__canvas {
      position: relative;
      max-width: 48rem;
    }
    .chart__table {
      overflow-x: auto;
      margin-block-start: 0.75rem;
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
    th,
    td {
      padding: 0.25rem 0.75rem;
      border-block-end: 1px solid var(--stl-border, #ccc);
      text-align: end;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }
  `,
})
export class BarChartComponent {
  readonly heading = input.required<string>();
  readonly summary = input.required<string>();
  readonly tableCaption = input.required<string>();
  /** The heading of the labels' column (e.g. "Skola"). */
  readonly category = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** How a value is written in the table and the tooltips. */
  readonly format = input<(value: number | null) => string>((v) => (v === null ? '–' : String(v)));
  /** Bars across (one row per label) rather than up. */
  readonly horizontal = input(false);
  /** The axis's largest value (1 for shares); the data's otherwise. */
  readonly max = input<number | undefined>(undefined);
  readonly height = input(260);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    const injector = inject(Injector);
    effect(() => {
      const data = {
        labels: [...this.labels()],
        datasets: this.series().map((s, i) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      };
      const horizontal = this.horizontal();
      const max = this.max();
      const format = this.format();
      afterNextRender(() => void this.draw(data, horizontal, max, format), { injector });
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private async draw(
    data: {
      labels: string[];
      datasets: { label: string; data: (number | null)[]; backgroundColor: string }[];
    },
    horizontal: boolean,
    max: number | undefined,
    format: (value: number | null) => string,
  ): Promise<void> {
    const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } =
      await import('chart.js');
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    this.chart?.destroy();
    const valueAxis = {
      beginAtZero: true,
      ...(max !== undefined ? { max } : {}),
      ticks: { callback: (v: string | number) => format(Number(v)) },
    };
    this.chart = new Chart(this.canvas().nativeElement, {
      type: 'bar',
      data,
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        plugins: {
          legend: { display: data.datasets.length > 1 },
          tooltip: {
            callbacks: {
              label: (ctx) => `${ctx.dataset.label ?? ''}: ${format(ctx.parsed[horizontal ? 'x' : 'y'])}`,
            },
          },
        },
      },
    });
  }
}
