export * from './allowlist';
export * from './plain-text';
export * from './search-text';
export * from './passage';
