import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { AppLink } from '../components/app-link';
import { ChartCanvas } from '../components/chart-canvas';
import { StatusBadge } from '../components/status-badge';
import { AGREEMENT_STATUSES, STATUS_COLOURS, STATUS_LABELS } from '../statuses';
import type { SourceDetail } from '../types';
import { PagePlaceholder } from '../components/page-placeholder';

/** A source and its track record: how its claims stand, and the claims themselves. */
export function SourceView({ id }: { id: string }) {
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api<SourceDetail>(`/v1/sources/${id}`)
      .then((s) => !cancelled && setSource(s))
      .catch((err: unknown) => !cancelled && setError(errorMessage(err)));
    return () => {
      cancelled = true;
    };
  }, [id]);
  if (!source || error) return <PagePlaceholder error={error} />;
  const counts = AGREEMENT_STATUSES.map((s) => source.claims.filter((c) => c.agreementStatus === s).length);
  return (
    <main class="source-view" data-source-id={source.id}>
      <h1>{source.name}</h1>
      <p class="meta">
        {source.type}
        {source.role && <> · {source.role}</>}
        {source.affiliation && <> · {source.affiliation}</>}
        {source.aliases.length > 0 && <> · also written as {source.aliases.join(', ')}</>}
      </p>
      <h2>Track record</h2>
      <p data-track-record>
        {source.trackRecord.claims} claims · {source.trackRecord.corroborated} corroborated ·{' '}
        {source.trackRecord.conflicting} conflicting
      </p>
      <p data-fact-checked>
        Fact-checked: {ratingCounts(source.trackRecord.reviewRatings) || 'no published verdict'}; prior
        fact-checks: {ratingCounts(source.trackRecord.factCheckVerdicts) || 'none matched'}
      </p>
      <figure>
        <figcaption>Agreement status of its latest claims</figcaption>
        <ChartCanvas
          name="source-statuses"
          label={AGREEMENT_STATUSES.map((s, i) => `${STATUS_LABELS[s]} ${counts[i]}`).join(', ')}
          config={{
            type: 'bar',
            data: {
              labels: AGREEMENT_STATUSES.map((s) => STATUS_LABELS[s]),
              datasets: [
                {
                  label: 'claims',
                  data: counts,
                  backgroundColor: AGREEMENT_STATUSES.map((s) => STATUS_COLOURS[s]),
                  borderColor: '#374151',
                  borderWidth: 1,
                },
              ],
            },
            options: { plugins: { legend: { display: false } } },
          }}
        />
      </figure>
      <h2>Claims</h2>
      <ul class="source-claims">
        {source.claims.map((c) => (
          <li key={c.id} data-claim-id={c.id}>
            <StatusBadge status={c.agreementStatus} /> {c.text} —{' '}
            <AppLink href={`/app/articles/${c.articleId}`}>article</AppLink>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** "false 2 · mostly true 1" (empty when there is none). */
function ratingCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([rating, n]) => `${rating.replace(/_/g, ' ')} ${n}`)
    .join(' · ');
}
