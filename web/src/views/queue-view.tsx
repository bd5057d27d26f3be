import { useState } from 'preact/hooks';
import { api, errorMessage, query } from '../api';
import { AppLink } from '../components/app-link';
import { StatusBadge } from '../components/status-badge';
import { AGREEMENT_STATUSES, STATUS_LABELS } from '../statuses';
import type { NextClaim, QueueItem, Role } from '../types';
import { usePolling } from '../use-polling';
import { ReviewForm } from './review-form';

interface Filters {
  outlet: string;
  agreementStatus: string;
  q: string;
  available: boolean;
  mine: boolean;
}

const EMPTY: Filters = { outlet: '', agreementStatus: '', q: '', available: false, mine: false };

/**
 * The review queue: filters, the list with the reasons for each priority, "Take next" (leases the highest-priority
 * claim nobody holds) and the review form. Refreshes every few seconds.
 */
export function QueueView({ role }: { role: Role }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [taken, setTaken] = useState<NextClaim | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const canReview = role === 'factchecker' || role === 'admin';

  const listQuery = () =>
    query({
      outlet: filters.outlet.trim(),
      agreementStatus: filters.agreementStatus,
      q: filters.q.trim(),
      available: filters.available ? true : undefined,
      assignee: filters.mine ? 'me' : undefined,
      limit: 50,
    });

  usePolling(
    async () => {
      try {
        const page = await api<{ items: QueueItem[]; nextCursor: string | null }>(
          `/v1/review-queue${listQuery()}`,
        );
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        setError(errorMessage(err));
      }
      return true;
    },
    5000,
    [filters, refresh],
  );

  const takeNext = async () => {
    setMessage(null);
    setError(null);
    try {
      const body: Record<string, string> = {};
      if (filters.outlet.trim()) body.outlet = filters.outlet.trim();
      if (filters.agreementStatus) body.agreementStatus = filters.agreementStatus;
      const next = await api<NextClaim | undefined>('/v1/review-queue/next', { method: 'POST', body });
      if (!next) setMessage('No claim is available: the queue is empty or every claim is leased.');
      else setTaken(next);
      setRefresh((n) => n + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <main class="queue-view">
      <h1>Review queue</h1>
      <form
        class="filters"
        aria-label="Queue filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label for="filter-outlet">Outlet</label>
        <input
          id="filter-outlet"
          name="outlet"
          value={draft.outlet}
          onInput={(e) => setDraft({ ...draft, outlet: e.currentTarget.value })}
        />
        <label for="filter-status">Agreement status</label>
        <select
          id="filter-status"
          name="agreementStatus"
          value={draft.agreementStatus}
          onChange={(e) => setDraft({ ...draft, agreementStatus: e.currentTarget.value })}
        >
          <option value="">any</option>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label for="filter-q">Text</label>
        <input
          id="filter-q"
          name="q"
          value={draft.q}
          onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
        />
        <label class="inline">
          <input
            type="checkbox"
            name="available"
            checked={draft.available}
            onChange={(e) => setDraft({ ...draft, available: e.currentTarget.checked })}
          />{' '}
          only claims nobody holds
        </label>
        <label class="inline">
          <input
            type="checkbox"
            name="mine"
            checked={draft.mine}
            onChange={(e) => setDraft({ ...draft, mine: e.currentTarget.checked })}
          />{' '}
          only my leases
        </label>
        <button type="submit">Apply filters</button>
      </form>
      {canReview && !taken && (
        <p>
          <button type="button" class="primary" onClick={() => void takeNext()}>
            Take next
          </button>
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {taken && (
        <ReviewForm
          taken={taken}
          onDone={(outcome) => {
            setTaken(null);
            setMessage(
              'submitted' in outcome
                ? `Verdict saved (${outcome.submitted.rating.replace('_', ' ')}, ${outcome.submitted.status}). The claim has left the queue.`
                : 'Lease released: the claim is back in the queue.',
            );
            setRefresh((n) => n + 1);
          }}
        />
      )}
      <h2>Claims awaiting a verdict</h2>
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>The queue is empty for these filters.</p>
      ) : (
        <ol class="queue">
          {items.map((item) => (
            <li key={item.claimId} data-claim-id={item.claimId} data-status={item.agreementStatus}>
              <p class="claim-text">{item.text}</p>
              <p>
                <StatusBadge status={item.agreementStatus} /> priority {item.priority.score.toFixed(2)} —{' '}
                {item.priority.reasons.join(', ')}
              </p>
              <p class="muted">
                {item.outlet ?? 'unknown outlet'} ·{' '}
                <AppLink href={`/app/articles/${item.articleId}`}>{item.articleTitle ?? 'article'}</AppLink>
                {item.sources.length > 0 && <> · {item.sources.map((s) => s.name).join(', ')}</>}
                {item.lease && <> · leased until {new Date(item.lease.expiresAt).toLocaleTimeString()}</>}
              </p>
            </li>
          ))}
        </ol>
      )}
      {nextCursor && <p class="muted">Showing the first 50; narrow the filters to see others.</p>}
    </main>
  );
}
