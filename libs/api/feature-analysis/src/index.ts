export * from './analysis-feature.module';
export { sanitizeRichText, plainText } from './analysis/rich-text';
