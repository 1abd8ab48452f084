export * from './allowlist';
export * from './plain-text';
export * from './passage';
