export * from './lib/page-header/page-header.component';
export * from './lib/status-badge/status-badge.component';
export * from './lib/autosave-indicator/autosave-indicator.component';
export * from './lib/error-summary/error-summary.component';
export { LoadDirective, errorKeyOf } from './lib/load/load';
export type { LoadContext } from './lib/load/load';
