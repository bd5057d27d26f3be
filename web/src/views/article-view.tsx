import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { AppLink } from '../components/app-link';
import { HighlightedText } from '../components/highlighted-text';
import { isWebUrl } from '../router';
import { AGREEMENT_STATUSES, STATUS_LABELS } from '../statuses';
import type { AgreementStatus, ArticleReport } from '../types';
import { usePolling } from '../use-polling';
import { ClaimPanel } from './claim-panel';
import { PagePlaceholder } from '../components/page-placeholder';

const LIVE_INTERVAL_MS = 1000;

/**
 * One article: the text with every claim highlighted in its agreement status's colour; hover, focus or select a
 * claim for its sources, figures, relations and fact-checks. Live: polls until the article is verified, so statuses
 * change on screen as verification finishes.
 */
export function ArticleView({ id }: { id: string }) {
  const [report, setReport] = useState<ArticleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  usePolling(
    async () => {
      try {
        const r = await api<ArticleReport>(`/v1/articles/${id}/report`);
        setReport(r);
        setError(null);
        const settled = r.article.status === 'verified' || r.article.status === 'failed';
        return !settled || r.claims.some((c) => c.agreementStatus === 'pending');
      } catch (err) {
        setError(errorMessage(err));
        return false;
      }
    },
    LIVE_INTERVAL_MS,
    [id],
  );

  if (!report) return <PagePlaceholder error={error} />;

  const shownId = hovered ?? selected;
  const shown = report.claims.find((c) => c.id === shownId) ?? null;
  const counts = new Map<AgreementStatus, number>();
  for (const c of report.claims) counts.set(c.agreementStatus, (counts.get(c.agreementStatus) ?? 0) + 1);

  return (
    <main
      class="article-view"
      data-article-id={report.article.id}
      data-article-status={report.article.status}
    >
      <h1>{report.article.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {report.article.outlet ?? 'Unknown outlet'}
        {isWebUrl(report.article.url) && (
          <>
            {' · '}
            <a href={report.article.url} rel="noopener noreferrer" target="_blank">
              original
            </a>
          </>
        )}
        {' · '}
        <AppLink href={`/app/articles/${report.article.id}/report`}>attribution report</AppLink>
      </p>
      <p class="live" role="status" aria-live="polite">
        Status: <strong data-live-status={report.article.status}>{report.article.status}</strong> ·{' '}
        {report.claims.length} claims
        {AGREEMENT_STATUSES.filter((s) => counts.get(s)).map((s) => (
          <span key={s} class="legend-item" data-status={s}>
            {' '}
            {STATUS_LABELS[s]}: {counts.get(s)}
          </span>
        ))}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="article-layout">
        <HighlightedText
          text={report.text}
          claims={report.claims}
          selectedId={selected}
          onSelect={(cid) => setSelected(cid === selected ? null : cid)}
          onHover={setHovered}
        />
        <aside>
          {shown ? (
            <ClaimPanel claim={shown} articleId={report.article.id} />
          ) : (
            <p class="hint">
              Hover, focus or select a highlighted claim (Enter or Space) to see its sources.
            </p>
          )}
        </aside>
      </div>
    </main>
  );
}
