import type { Routes } from '@angular/router';
import { AdminAuditPage } from './audit/audit.page';
import { AdminCertificationsPage } from './certifications/certifications.page';
import { AdminCohortsPage } from './cohorts/cohorts.page';
import { AdminHolidaysPage } from './holidays/holidays.page';
import { AdminFailedMailPage } from './mail/failed-mail.page';
import { AdminOverviewPage } from './overview/admin-overview.page';
import { AdminPeoplePage } from './people/people.page';
import { AdminPersonNewPage } from './people/person-new.page';
import { AdminPersonPage } from './people/person.page';
import { AdminSchoolsPage } from './schools/schools.page';
import { AdminSsoPage } from './sso/sso-settings.page';
import { AdminStaffImportPage } from './people/staff-import.page';
import { AdminSupportThresholdsPage } from './support/support-thresholds.page';
import { administratorOnly } from './shared/admin-access';
import { AdminNotAllowedPage, AdminNotFoundPage } from './shared/not-allowed.page';
import { AdminTemplateEditorPage } from './templates/template-editor.page';
import { AdminTemplateNewPage } from './templates/template-new.page';
import { AdminTemplatesPage } from './templates/templates.page';

/** Mounted at /admin. Anyone without the administrator role gets the "not allowed" page. */
export const adminRoutes: Routes = [
  {
    path: '',
    canMatch: [administratorOnly],
    children: [
      { path: '', pathMatch: 'full', component: AdminOverviewPage, title: 'admin.overview.title' },
      { path: 'schools', component: AdminSchoolsPage, title: 'admin.schools.title' },
      { path: 'people', component: AdminPeoplePage, title: 'admin.people.title' },
      { path: 'people/new', component: AdminPersonNewPage, title: 'admin.people.newTitle' },
      { path: 'people/import', component: AdminStaffImportPage, title: 'admin.staffImport.title' },
      { path: 'people/:personId', component: AdminPersonPage, title: 'admin.people.personTitle' },
      // Export and erasure of a person's data; the retention schedule; the record of processing (ADR 0030).
      {
        path: 'people/:personId/privacy',
        loadComponent: () => import('./privacy/person-privacy.page').then((m) => m.AdminPersonPrivacyPage),
        title: 'privacy.person.title',
      },
      {
        path: 'retention',
        loadComponent: () => import('./privacy/retention.page').then((m) => m.AdminRetentionPage),
        title: 'privacy.retention.title',
      },
      {
        path: 'record-of-processing',
        loadComponent: () =>
          import('./privacy/record-of-processing.page').then((m) => m.AdminRecordOfProcessingPage),
        title: 'privacy.record.title',
      },
      // Who receives the accessibility statement's reports (issue 12).
      {
        path: 'accessibility',
        loadComponent: () =>
          import('./privacy/accessibility-contact.page').then((m) => m.AdminAccessibilityContactPage),
        title: 'accessibility.admin.title',
      },
      { path: 'certifications', component: AdminCertificationsPage, title: 'admin.certifications.title' },
      { path: 'templates', component: AdminTemplatesPage, title: 'admin.templates.title' },
      { path: 'templates/new', component: AdminTemplateNewPage, title: 'admin.templates.newTitle' },
      {
        path: 'templates/:templateId',
        component: AdminTemplateEditorPage,
        title: 'admin.templates.editorTitle',
      },
      { path: 'cohorts', component: AdminCohortsPage, title: 'admin.cohorts.title' },
      { path: 'mail', component: AdminFailedMailPage, title: 'admin.mail.title' },
      { path: 'sso', component: AdminSsoPage, title: 'sso.admin.title' },
      { path: 'support', component: AdminSupportThresholdsPage, title: 'admin.support.title' },
      { path: 'holidays', component: AdminHolidaysPage, title: 'admin.holidays.title' },
      // The audit log (issue 12, ADR 0029)
      { path: 'audit', component: AdminAuditPage, title: 'audit.title' },
      { path: '**', component: AdminNotFoundPage, title: 'notFound.title' },
    ],
  },
  { path: '**', component: AdminNotAllowedPage, title: 'admin.notAllowed.title' },
];
