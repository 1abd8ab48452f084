import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PageHeaderComponent } from '@stl/web/ui';

/** What someone without the administrator role sees at /admin/…: a plain sentence and a way home. */
@Component({
  selector: 'stl-admin-not-allowed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header
      [heading]="'admin.notAllowed.title' | transloco"
      [lead]="'admin.notAllowed.lead' | transloco"
    />
    <p>{{ 'admin.notAllowed.help' | transloco }}</p>
    <p>
      <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
    </p>
  `,
})
export class AdminNotAllowedPage {}

/** An address under /admin that does not exist, for an administrator. */
@Component({
  selector: 'stl-admin-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header [heading]="'notFound.title' | transloco" [lead]="'notFound.lead' | transloco" />
    <p>
      <a routerLink="/admin">{{ 'admin.backToAdmin' | transloco }}</a>
    </p>
  `,
})
export class AdminNotFoundPage {}
