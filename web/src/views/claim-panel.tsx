import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { AppLink } from '../components/app-link';
import { StatusBadge } from '../components/status-badge';
import type { ArticleReport, Review } from '../types';

type ReportClaim = ArticleReport['claims'][number];

const relationLabel = (r: string): string => (r === 'agree' ? 'Agrees with' : 'Conflicts with');

/** Reads a verdict; undefined when the claim has none (404). */
async function verdictOf(claimId: string): Promise<Review | undefined> {
  try {
    return await api<Review>(`/v1/claims/${claimId}/review`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/**
 * Details of one claim: its sources with their cues, its figures, its relations with their explanations, and the
 * fact-checks on it and on the claims it agrees or conflicts with.
 */
export function ClaimPanel({ claim, articleId }: { claim: ReportClaim; articleId: string }) {
  const [factChecks, setFactChecks] = useState<{ claimId: string; text: string; review: Review }[] | null>(
    null,
  );
  const relations = claim.relations;

  useEffect(() => {
    let cancelled = false;
    setFactChecks(null);
    const targets = [
      { claimId: claim.id, text: claim.text },
      ...relations.slice(0, 8).map((r) => ({ claimId: r.claimId, text: r.text })),
    ];
    void Promise.all(
      targets.map(async (t) => {
        const review = await verdictOf(t.claimId).catch(() => undefined);
        return review ? { ...t, review } : undefined;
      }),
    ).then((found) => {
      if (!cancelled) setFactChecks(found.filter((f): f is NonNullable<typeof f> => f !== undefined));
    });
    return () => {
      cancelled = true;
    };
  }, [claim.id, relations.length]);

  return (
    <section class="claim-panel" aria-live="polite" aria-label="Selected claim" data-claim-id={claim.id}>
      <h2>Claim {claim.number}</h2>
      <p class="claim-text">{claim.text}</p>
      <p>
        <StatusBadge status={claim.agreementStatus} />{' '}
        {claim.checkworthy ? 'check-worthy' : 'not check-worthy'}
      </p>
      <h3>Sources</h3>
      {claim.sources.length === 0 ? (
        <p>No source: the article does not say who made this claim.</p>
      ) : (
        <ul class="sources">
          {claim.sources.map((s) => (
            <li key={`${s.id}-${s.role}`}>
              <AppLink href={`/app/sources/${s.id}`}>{s.name}</AppLink> <span class="muted">({s.type})</span>
              {s.role === 'via' && <span class="tag">via</span>}
              {s.cue && <span class="cue"> cue: “{s.cue}”</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Figures</h3>
      {claim.quantities.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="quantities">
          {claim.quantities.map((q, i) => (
            <li key={i}>
              “{q.text}” — {q.value === null ? 'vague' : q.value.toLocaleString()}
              {q.high !== undefined ? `–${q.high.toLocaleString()}` : ''} {q.unit ?? ''}{' '}
              <span class="muted">({q.bound.replace('_', ' ')})</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Relations</h3>
      {relations.length === 0 ? (
        <p>No agreeing or conflicting claim found.</p>
      ) : (
        <ul class="relations">
          {relations.map((r) => (
            <li key={r.claimId} data-relation={r.relation}>
              <strong>{relationLabel(r.relation)}</strong> “{r.text}”
              {r.articleId !== articleId && (
                <>
                  {' '}
                  (<AppLink href={`/app/articles/${r.articleId}`}>other article</AppLink>)
                </>
              )}
              <br />
              <span class="explanation">{r.explanation}</span>{' '}
              <span class="muted">score {r.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Fact-checks</h3>
      {factChecks === null ? (
        <p>Looking for fact-checks…</p>
      ) : factChecks.length === 0 ? (
        <p>No fact-check on this claim or its related claims yet.</p>
      ) : (
        <ul class="fact-checks">
          {factChecks.map((f) => (
            <li key={f.claimId}>
              <strong>{f.review.rating.replace('_', ' ')}</strong> ({f.review.status})
              {f.claimId !== claim.id && <> on “{f.text}”</>}: {f.review.summary}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
