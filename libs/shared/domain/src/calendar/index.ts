export * from './stockholm';
