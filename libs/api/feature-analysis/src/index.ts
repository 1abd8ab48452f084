export * from './analysis-feature.module';
export { sanitizeRichText, plainText } from './analysis/rich-text';
export { AttachmentStores } from './attachment/attachment-storage';
