export * from './review-feature.module';
export { ProgressService } from './progress/progress.service';
export { DashboardService } from './dashboard/dashboard.service';
export type { OrganisationDashboardArgs } from './dashboard/dashboard.args';
export type { DashboardFiguresModel, OrganisationDashboardModel } from './dashboard/dashboard.models';
