import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { AppLink } from '../components/app-link';
import { ChartCanvas } from '../components/chart-canvas';
import { HighlightedText } from '../components/highlighted-text';
import { StatusBadge } from '../components/status-badge';
import { download } from '../download';
import { pct } from '../statuses';
import type { ArticleReport } from '../types';
import { usePolling } from '../use-polling';
import { PagePlaceholder } from '../components/page-placeholder';

const TYPE_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];

/** The article's attribution report: shares, flags, sources, claims marked in the text, with charts. */
export function ArticleReportView({ id }: { id: string }) {
  const [report, setReport] = useState<ArticleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  usePolling(
    async () => {
      try {
        const r = await api<ArticleReport>(`/v1/articles/${id}/report`);
        setReport(r);
        return r.article.status !== 'verified' && r.article.status !== 'failed';
      } catch (err) {
        setError(errorMessage(err));
        return false;
      }
    },
    2000,
    [id],
  );

  if (!report) return <PagePlaceholder error={error} />;
  const m = report.measures;
  const typeCounts = new Map<string, number>();
  for (const s of report.sources) typeCounts.set(s.type, (typeCounts.get(s.type) ?? 0) + s.claimCount);
  const types = [...typeCounts.entries()].sort((a, b) => b[1] - a[1]);

  return (
    <main class="report-view" data-article-id={report.article.id}>
      <h1>Attribution report: {report.article.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {report.article.outlet ?? 'Unknown outlet'} · status {report.article.status} ·{' '}
        <AppLink href={`/app/articles/${report.article.id}`}>article view</AppLink> ·{' '}
        <button
          type="button"
          class="link"
          onClick={() =>
            void download(`/v1/articles/${id}/report?format=md`, `report-${id}.md`, 'text/markdown')
          }
        >
          Download Markdown
        </button>{' '}
        ·{' '}
        <button
          type="button"
          class="link"
          onClick={() =>
            void download(`/v1/articles/${id}/report?format=html`, `report-${id}.html`, 'text/html')
          }
        >
          Download HTML
        </button>
      </p>
      <div class="charts">
        <figure>
          <figcaption>Check-worthy claims by attribution</figcaption>
          <ChartCanvas
            name="attribution-shares"
            label={`Attributed ${pct(m.shares.attributed)}, anonymous ${pct(m.shares.anonymous)}, not attributed ${pct(m.shares.unattributed)}`}
            config={{
              type: 'doughnut',
              data: {
                labels: ['attributed', 'anonymous only', 'not attributed'],
                datasets: [
                  {
                    data: [m.attributed, m.anonymous, m.unattributed],
                    backgroundColor: ['#16a34a', '#d97706', '#dc2626'],
                  },
                ],
              },
            }}
          />
        </figure>
        <figure>
          <figcaption>Source-type mix (claims carried)</figcaption>
          <ChartCanvas
            name="source-type-mix"
            label={`Source types: ${types.map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`}
            config={{
              type: 'doughnut',
              data: {
                labels: types.map(([t]) => t),
                datasets: [{ data: types.map(([, n]) => n), backgroundColor: TYPE_COLOURS }],
              },
            }}
          />
        </figure>
      </div>
      <table class="measures">
        <tbody>
          <tr>
            <th>Check-worthy claims</th>
            <td>
              {m.checkworthyClaims} of {m.claims}
            </td>
          </tr>
          <tr>
            <th>Attributed to a named source</th>
            <td>
              {m.attributed} ({pct(m.shares.attributed)})
            </td>
          </tr>
          <tr>
            <th>Attributed anonymously only</th>
            <td>
              {m.anonymous} ({pct(m.shares.anonymous)})
            </td>
          </tr>
          <tr>
            <th>Not attributed</th>
            <td>
              {m.unattributed} ({pct(m.shares.unattributed)})
            </td>
          </tr>
          <tr>
            <th>Distinct independent origins</th>
            <td>{m.independentOrigins}</td>
          </tr>
          <tr>
            <th>Single-source figures</th>
            <td>{m.singleSourceFigures}</td>
          </tr>
          <tr>
            <th>Unattributed figures</th>
            <td>{m.unattributedFigures}</td>
          </tr>
        </tbody>
      </table>
      <h2>Flagged for the editor</h2>
      {report.flags.length === 0 ? (
        <p>Nothing flagged.</p>
      ) : (
        <ul class="flags">
          {report.flags.map((f) => (
            <li key={f.claimId} data-flag={f.kind} data-claim-id={f.claimId}>
              <strong>
                {f.kind === 'single_source_figure'
                  ? 'Single-source figure'
                  : f.kind === 'unattributed_figure'
                    ? 'Unattributed figure'
                    : 'Unattributed'}
              </strong>{' '}
              [{f.number}] {f.text}
              {f.figures.length > 0 && <> — figures: {f.figures.join(', ')}</>}
              {f.sources.length > 0 && <> (source: {f.sources.join(', ')})</>}
            </li>
          ))}
        </ul>
      )}
      <h2>Sources</h2>
      <table class="list sources-table">
        <thead>
          <tr>
            <th>Source</th>
            <th>Type</th>
            <th>Claims</th>
            <th>Via</th>
            <th>Corroborated</th>
            <th>Single source</th>
            <th>Conflicting</th>
            <th>Unattributed</th>
          </tr>
        </thead>
        <tbody>
          {report.sources.map((s) => (
            <tr key={s.id}>
              <td>
                <AppLink href={`/app/sources/${s.id}`}>{s.name}</AppLink>
              </td>
              <td>{s.type}</td>
              <td>{s.claimCount}</td>
              <td>{s.viaCount}</td>
              <td>{s.statuses.corroborated}</td>
              <td>{s.statuses.single_source}</td>
              <td>{s.statuses.conflicting}</td>
              <td>{s.statuses.unattributed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Claims in the text</h2>
      <HighlightedText
        text={report.text}
        claims={report.claims}
        selectedId={selected}
        onSelect={setSelected}
      />
      {selected &&
        (() => {
          const c = report.claims.find((x) => x.id === selected);
          return c ? (
            <p class="selected-claim" role="status">
              [{c.number}] <StatusBadge status={c.agreementStatus} />{' '}
              {c.sources.map((s) => s.name).join(', ') || 'no source'}
              {c.verdict && (
                <>
                  {' '}
                  · verdict {c.verdict.rating.replace('_', ' ')} ({c.verdict.status})
                </>
              )}
            </p>
          ) : null;
        })()}
      {report.verdicts.length > 0 && (
        <>
          <h2>Verdicts</h2>
          <ul>
            {report.verdicts.map((v) => (
              <li key={v.claimId}>
                <strong>{v.rating.replace('_', ' ')}</strong> ({v.status}): {v.summary}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
