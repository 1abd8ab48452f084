export * from './delimited-text';
