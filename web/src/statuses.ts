import type { AgreementStatus } from './types';

/** Colours and labels of the agreement statuses (the API's HTML report uses the same colours). */
export const STATUS_LABELS: Record<AgreementStatus, string> = {
  pending: 'pending verification',
  unattributed: 'unattributed',
  single_source: 'single source',
  corroborated: 'corroborated',
  conflicting: 'conflicting',
};

export const STATUS_COLOURS: Record<AgreementStatus, string> = {
  pending: '#e5e7eb',
  unattributed: '#fde68a',
  single_source: '#fed7aa',
  corroborated: '#bbf7d0',
  conflicting: '#fecaca',
};

export const AGREEMENT_STATUSES = Object.keys(STATUS_LABELS) as AgreementStatus[];

export const RATINGS = ['true', 'mostly_true', 'mixed', 'misleading', 'false', 'unverifiable'] as const;

export const pct = (share: number): string => `${Math.round(share * 100)}%`;
