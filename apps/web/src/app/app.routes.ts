import type { Routes } from '@angular/router';
import { membersOnlyGuard, signedInGuard, signedOutGuard } from '@stl/web/data-access';

/** The pages of mailed links (MAIL_PATHS in libs/mail/util-templates; accountLinkRoutes in feature-auth). */
const ACCOUNT_LINK_PATHS = ['invitation', 'reset-password', 'sign-in-link'];

/** Every feature is a lazy chunk; only the shell, sign-in state and Swedish texts load up front. */
export const appRoutes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    loadChildren: () => import('@stl/web/feature-auth').then((m) => m.signInRoutes),
  },
  // The accessibility statement (issue 12): public, signed in or not; linked from every page's footer.
  {
    path: 'tillganglighet',
    loadChildren: () => import('@stl/web/feature-auth').then((m) => m.accessibilityRoutes),
  },
  // The public check of a certificate of completion's code, where its QR code leads (ADR 0032).
  {
    path: 'intyg',
    loadChildren: () => import('@stl/web/feature-certificate').then((m) => m.certificateVerifyRoutes),
  },
  // Where mailed single-use links lead (ADR 0013): open whether or not someone is signed in. Matched
  // by path first, so other pages never load this chunk.
  {
    matcher: (segments) =>
      segments.length === 1 && ACCOUNT_LINK_PATHS.includes(segments[0].path) ? { consumed: [] } : null,
    loadChildren: () => import('@stl/web/feature-auth').then((m) => m.accountLinkRoutes),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        // A platform operator's home is the organisations (ADR 0015).
        canActivate: [membersOnlyGuard],
        loadChildren: () => import('@stl/web/feature-home').then((m) => m.homeRoutes),
      },
      {
        path: 'operator',
        loadChildren: () => import('@stl/web/feature-operator').then((m) => m.operatorRoutes),
      },
      {
        path: 'admin',
        loadChildren: () => import('@stl/web/feature-admin').then((m) => m.adminRoutes),
      },
      // Self-assessment before and after a cohort (issue 14, ADR 0034).
      {
        path: 'self-assessment',
        loadChildren: () => import('@stl/web/feature-home').then((m) => m.selfAssessmentRoutes),
      },
      {
        path: 'settings',
        loadChildren: () => import('@stl/web/feature-settings').then((m) => m.settingsRoutes),
      },
      {
        path: 'school',
        loadChildren: () => import('@stl/web/feature-school').then((m) => m.schoolRoutes),
      },
      // The organisation dashboard (issue 14, ADR 0033): its chart library loads with it only.
      {
        path: 'follow-up',
        loadChildren: () => import('@stl/web/feature-follow-up').then((m) => m.dashboardRoutes),
      },
      {
        path: 'cohorts',
        pathMatch: 'full',
        loadChildren: () => import('@stl/web/feature-cohort').then((m) => m.cohortListRoutes),
      },
      {
        path: 'cohorts/:cohortId/feedback',
        loadChildren: () => import('@stl/web/feature-review').then((m) => m.reviewRoutes),
      },
      {
        path: 'cohorts/:cohortId/follow-up',
        loadChildren: () => import('@stl/web/feature-follow-up').then((m) => m.followUpRoutes),
      },
      // Certificates of completion and the teacher's portfolio (issue 14, ADR 0032).
      {
        path: 'cohorts/:cohortId/certificates',
        loadChildren: () => import('@stl/web/feature-certificate').then((m) => m.cohortCertificateRoutes),
      },
      {
        path: 'cohorts/:cohortId/portfolio',
        loadChildren: () => import('@stl/web/feature-certificate').then((m) => m.portfolioRoutes),
      },
      {
        path: 'cohorts/:cohortId',
        loadChildren: () => import('@stl/web/feature-cohort').then((m) => m.cohortRoutes),
      },
      {
        path: 'cohorts/:cohortId/rounds/:roundId/analysis',
        loadChildren: () => import('@stl/web/feature-analysis').then((m) => m.analysisEditorRoutes),
      },
      {
        path: 'cohorts/:cohortId/shared',
        loadChildren: () => import('@stl/web/feature-analysis').then((m) => m.sharedSpaceRoutes),
      },
      {
        path: 'cohorts/:cohortId/analyses/:analysisId',
        loadChildren: () => import('@stl/web/feature-analysis').then((m) => m.analysisReadRoutes),
      },
      {
        path: '**',
        loadComponent: () => import('./not-found.page').then((m) => m.NotFoundPage),
        title: 'notFound.title',
      },
    ],
  },
];
