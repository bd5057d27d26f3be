import { STATUS_LABELS } from '../statuses';
import type { AgreementStatus } from '../types';

export function StatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <span class="badge" data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
