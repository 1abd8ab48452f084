import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PageHeaderComponent } from '@stl/web/ui';

@Component({
  selector: 'stl-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header [heading]="'notFound.title' | transloco" [lead]="'notFound.lead' | transloco" />
    <p>
      <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
    </p>
  `,
})
export class NotFoundPage {}
