export * from './lib/format';
export * from './lib/saved-at';
export * from './lib/format.pipes';
export * from './lib/language.service';
export * from './lib/provide-i18n';
export * from './lib/support-reason';
