import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (to keep precision); the service works with JavaScript numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
