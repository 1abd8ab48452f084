import type { Routes } from '@angular/router';
import { CohortCertificatesPage } from './issue/cohort-certificates.page';
import { PortfolioPage } from './portfolio/portfolio.page';
import { CertificateVerifyPage } from './verify/certificate-verify.page';

/** Mounted at /intyg, public: the check of a certificate's code (ADR 0032). */
export const certificateVerifyRoutes: Routes = [
  { path: '', component: CertificateVerifyPage, title: 'certificates.verify.title' },
  { path: ':code', component: CertificateVerifyPage, title: 'certificates.verify.title' },
];

/** Mounted at /cohorts/:cohortId/certificates: the cohort's course leaders and administrators. */
export const cohortCertificateRoutes: Routes = [
  { path: '', component: CohortCertificatesPage, title: 'certificates.cohort.title' },
];

/** Mounted at /cohorts/:cohortId/portfolio: the teacher's own. */
export const portfolioRoutes: Routes = [
  { path: '', component: PortfolioPage, title: 'certificates.portfolio.title' },
];
