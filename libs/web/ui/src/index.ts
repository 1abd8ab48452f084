export * from './lib/page-header/page-header.component';
export * from './lib/status-badge/status-badge.component';
export * from './lib/autosave-indicator/autosave-indicator.component';
export * from './lib/error-summary/error-summary.component';
export * from './lib/export-links/export-links.component';
export { LoadDirective, errorKeyOf } from './lib/load/load';
export type { LoadContext } from './lib/load/load';
// Also at @stl/web/ui/form-errors: pure, for code and specs that need no Angular.
export * from './lib/form/form-errors';
export * from './lib/form/field';
export * from './lib/form/form-problems';
export * from './lib/form/email-address';
export * from './lib/password/password-form';
export * from './lib/attachments/attachment-gallery.component';
