import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `date` columns stay ISO strings ('2026-08-17') end to end: no time zone can shift a
 * calendar day by turning it into a JS Date.
 */
export const isoDate: ValueTransformer = {
  to: (v: string | null | undefined) => v,
  from: (v: string | Date | null) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
};

/** numeric columns come back from pg as strings; the domain wants numbers. */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
