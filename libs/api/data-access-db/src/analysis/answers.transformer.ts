import type { ValueTransformer } from 'typeorm';

/**
 * Answers are a Record in code but an array of [sectionKey, html] pairs in jsonb: jsonb objects
 * do not keep key order, and readers must see sections in the template's order.
 */
export const answersTransformer: ValueTransformer = {
  to: (v: Record<string, string> | undefined | null) => (v ? Object.entries(v) : v),
  from: (v: [string, string][] | Record<string, string> | null) =>
    Array.isArray(v) ? Object.fromEntries(v) : (v ?? {}),
};
