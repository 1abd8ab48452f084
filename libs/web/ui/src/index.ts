export * from './lib/page-header/page-header.component';
export * from './lib/status-badge/status-badge.component';
export * from './lib/autosave-indicator/autosave-indicator.component';
export * from './lib/error-summary/error-summary.component';
export * from './lib/load/load.directive';
export { errorKeyOf } from './lib/load/load-state.component';
export * from './lib/password/password-form';
