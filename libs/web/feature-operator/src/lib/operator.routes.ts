import { Component, ChangeDetectionStrategy, inject } from '@angular/core';
import type { CanMatchFn, Routes } from '@angular/router';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { OperatorOrganisationPage } from './organisation.page';
import { OperatorOrganisationsPage } from './organisations.page';

/**
 * The operator pages are for platform operators. Anyone else matches the "not allowed" page (the
 * API refuses them anyway, ADR 0015); someone signed out is sent to sign in by the app's own guard.
 */
export const operatorOnly: CanMatchFn = async () => {
  const session = inject(SessionStore);
  try {
    await session.ensureLoaded();
  } catch {
    return false;
  }
  return session.isPlatformOperator();
};

/** Shown to members of an organisation who open an operator page. */
@Component({
  selector: 'stl-operator-not-allowed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header
      [heading]="'operator.notAllowed.title' | transloco"
      [lead]="'operator.notAllowed.lead' | transloco"
    />
    <p>
      <a routerLink="/">{{ 'common.backHome' | transloco }}</a>
    </p>
  `,
})
export class OperatorNotAllowedPage {}

/** Mounted at /operator. */
export const operatorRoutes: Routes = [
  {
    path: '',
    canMatch: [operatorOnly],
    children: [
      { path: '', pathMatch: 'full', component: OperatorOrganisationsPage, title: 'operator.list.title' },
      {
        path: 'organisations/:organisationId',
        component: OperatorOrganisationPage,
        title: 'operator.detail.title',
      },
    ],
  },
  { path: '**', component: OperatorNotAllowedPage, title: 'operator.notAllowed.title' },
];

/** Where an operator lands after signing in. */
export const operatorHome = '/operator';
