import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { StatusBadge } from '../components/status-badge';
import { AppLink } from '../components/app-link';
import { RATINGS } from '../statuses';
import type { NextClaim, Review } from '../types';

interface Evidence {
  url: string;
  note: string;
}

/**
 * The verdict form for a leased claim: rating, summary, evidence rows. Native controls with labels, so it works by
 * keyboard alone (Tab order follows the form; Enter submits). Focus moves to the form when a claim is taken.
 */
export function ReviewForm({
  taken,
  onDone,
}: {
  taken: NextClaim;
  onDone: (outcome: { submitted: Review } | { released: true }) => void;
}) {
  const [rating, setRating] = useState<string>('');
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([{ url: '', note: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const claim = taken.claim;

  useEffect(() => {
    heading.current?.focus();
  }, [claim.id]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const review = await api<Review>(`/v1/claims/${claim.id}/reviews`, {
        method: 'POST',
        body: {
          rating,
          summary: summary.trim(),
          evidence: evidence
            .filter((e) => e.url.trim())
            .map((e) => (e.note.trim() ? { url: e.url.trim(), note: e.note.trim() } : { url: e.url.trim() })),
        },
      });
      onDone({ submitted: review });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const release = async () => {
    setBusy(true);
    try {
      await api(`/v1/claims/${claim.id}/lease`, { method: 'DELETE' });
      onDone({ released: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const setRow = (i: number, patch: Partial<Evidence>) =>
    setEvidence((rows) => rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  return (
    <section class="review" aria-labelledby="review-heading" data-claim-id={claim.id}>
      <h2 id="review-heading" tabIndex={-1} ref={heading}>
        Review this claim
      </h2>
      <blockquote class="claim-text">{claim.text}</blockquote>
      <p>
        <StatusBadge status={claim.agreementStatus} />{' '}
        {claim.sources.length
          ? `Sources: ${claim.sources.map((s) => `${s.name}${s.role === 'via' ? ' (via)' : ''}`).join(', ')}`
          : 'No source'}
        {' · '}
        <AppLink href={`/app/articles/${claim.articleId}`}>open the article</AppLink>
      </p>
      <p class="muted">
        Priority {taken.item.priority.score.toFixed(2)}: {taken.item.priority.reasons.join(', ')}. Your lease
        ends at {new Date(taken.lease.expiresAt).toLocaleTimeString()}.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="rating">Rating</label>
        <select
          id="rating"
          name="rating"
          required
          value={rating}
          onChange={(e) => setRating(e.currentTarget.value)}
        >
          <option value="">Choose a rating…</option>
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {r.replace('_', ' ')}
            </option>
          ))}
        </select>
        <label for="summary">Summary</label>
        <textarea
          id="summary"
          name="summary"
          required
          rows={4}
          value={summary}
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
        <fieldset>
          <legend>Evidence</legend>
          {evidence.map((row, i) => (
            <div class="evidence-row" key={i}>
              <label for={`evidence-url-${i}`}>URL {i + 1}</label>
              <input
                id={`evidence-url-${i}`}
                name={`evidence-url-${i}`}
                type="url"
                placeholder="https://"
                value={row.url}
                onInput={(e) => setRow(i, { url: e.currentTarget.value })}
              />
              <label for={`evidence-note-${i}`}>Note {i + 1}</label>
              <input
                id={`evidence-note-${i}`}
                name={`evidence-note-${i}`}
                value={row.note}
                onInput={(e) => setRow(i, { note: e.currentTarget.value })}
              />
            </div>
          ))}
          <button type="button" onClick={() => setEvidence((rows) => [...rows, { url: '', note: '' }])}>
            Add evidence
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy || !rating || !summary.trim()}>
            Submit verdict
          </button>
          <button type="button" disabled={busy} onClick={() => void release()}>
            Release the claim
          </button>
        </div>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
