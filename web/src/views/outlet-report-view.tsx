import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, query } from '../api';
import { AppLink } from '../components/app-link';
import { ChartCanvas } from '../components/chart-canvas';
import { download } from '../download';
import { navigate } from '../router';
import { pct } from '../statuses';
import type { AttributionReport } from '../types';

const TYPE_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];

/** Attribution across articles: per outlet and period, source-type mix, attribution rate over time, CSV. */
export function OutletReportView({ search }: { search: URLSearchParams }) {
  const initial = {
    outlet: search.get('outlet') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    interval: search.get('interval') ?? 'day',
  };
  const [draft, setDraft] = useState(initial);
  const [report, setReport] = useState<AttributionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = query(initial);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api<AttributionReport>(`/v1/reports/attribution${q}`)
      .then((r) => {
        if (!cancelled) setReport(r);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(errorMessage(err));
      });
    return () => {
      cancelled = true;
    };
  }, [q]);

  return (
    <main class="outlet-report">
      <h1>Attribution by outlet</h1>
      <form
        class="filters"
        aria-label="Report filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/app/reports${query(draft)}`);
        }}
      >
        <label for="report-outlet">Outlet</label>
        <input
          id="report-outlet"
          name="outlet"
          value={draft.outlet}
          onInput={(e) => setDraft({ ...draft, outlet: e.currentTarget.value })}
        />
        <label for="report-from">From</label>
        <input
          id="report-from"
          name="from"
          type="date"
          value={draft.from}
          onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <label for="report-to">To (exclusive)</label>
        <input
          id="report-to"
          name="to"
          type="date"
          value={draft.to}
          onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <label for="report-interval">Period</label>
        <select
          id="report-interval"
          name="interval"
          value={draft.interval}
          onChange={(e) => setDraft({ ...draft, interval: e.currentTarget.value })}
        >
          <option value="day">day</option>
          <option value="week">week</option>
        </select>
        <button type="submit">Show</button>
        <button
          type="button"
          onClick={() =>
            void download(
              `/v1/reports/attribution${query({ ...initial, format: 'csv' })}`,
              'attribution-report.csv',
              'text/csv',
            ).catch((err: unknown) => setError(errorMessage(err)))
          }
        >
          Download CSV
        </button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!report ? (
        <p>Loading…</p>
      ) : (
        <>
          <p>
            {report.articles} articles · {report.totals.checkworthyClaims} check-worthy claims · attributed{' '}
            {pct(report.totals.shares.attributed)} · anonymous {pct(report.totals.shares.anonymous)} · not
            attributed {pct(report.totals.shares.unattributed)} · {report.totals.independentOrigins}{' '}
            independent origins
            {report.truncated && ' (truncated: narrow the dates)'}
          </p>
          <div class="charts">
            <figure>
              <figcaption>Source-type mix</figcaption>
              <ChartCanvas
                name="source-type-mix"
                label={`Source types: ${report.sourceTypeMix.map((m) => `${m.type} ${pct(m.share)}`).join(', ') || 'none'}`}
                config={{
                  type: 'doughnut',
                  data: {
                    labels: report.sourceTypeMix.map((m) => m.type),
                    datasets: [
                      { data: report.sourceTypeMix.map((m) => m.citations), backgroundColor: TYPE_COLOURS },
                    ],
                  },
                }}
              />
            </figure>
            <figure>
              <figcaption>
                Attribution rate over time (share of check-worthy claims with a named source)
              </figcaption>
              <ChartCanvas
                name="attribution-rate"
                label={`Attribution rate by ${report.filters.interval}: ${report.timeline.map((p) => `${p.period} ${pct(p.attributionRate)}`).join(', ') || 'no data'}`}
                config={{
                  type: 'line',
                  data: {
                    labels: report.timeline.map((p) => p.period),
                    datasets: [
                      {
                        label: 'attributed',
                        data: report.timeline.map((p) => Math.round(p.attributionRate * 1000) / 10),
                        borderColor: '#2563eb',
                        backgroundColor: '#2563eb',
                      },
                    ],
                  },
                  options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
                }}
              />
            </figure>
          </div>
          <h2>Per outlet</h2>
          <table class="list">
            <thead>
              <tr>
                <th>Outlet</th>
                <th>Articles</th>
                <th>Check-worthy</th>
                <th>Attributed</th>
                <th>Anonymous</th>
                <th>Not attributed</th>
                <th>Single-source figures</th>
                <th>Unattributed figures</th>
                <th>Origins</th>
              </tr>
            </thead>
            <tbody>
              {report.outlets.map((o) => (
                <tr key={o.outlet ?? ''}>
                  <td>{o.outlet ?? '(none)'}</td>
                  <td>{o.articles}</td>
                  <td>{o.checkworthyClaims}</td>
                  <td>{pct(o.shares.attributed)}</td>
                  <td>{pct(o.shares.anonymous)}</td>
                  <td>{pct(o.shares.unattributed)}</td>
                  <td>{o.singleSourceFigures}</td>
                  <td>{o.unattributedFigures}</td>
                  <td>{o.independentOrigins}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Over time</h2>
          <table class="list">
            <thead>
              <tr>
                <th>Period</th>
                <th>Articles</th>
                <th>Check-worthy</th>
                <th>Attribution rate</th>
              </tr>
            </thead>
            <tbody>
              {report.timeline.map((p) => (
                <tr key={p.period}>
                  <td>{p.period}</td>
                  <td>{p.articles}</td>
                  <td>{p.checkworthyClaims}</td>
                  <td>{pct(p.attributionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Most-cited sources</h2>
          <ol>
            {report.mostCitedSources.map((s) => (
              <li key={s.id}>
                <AppLink href={`/app/sources/${s.id}`}>{s.name}</AppLink> ({s.type}) — {s.claims} claims in{' '}
                {s.articles} articles
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
