export * from './allowlist';
export * from './plain-text';
