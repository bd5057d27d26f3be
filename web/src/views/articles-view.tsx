import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import { AppLink } from '../components/app-link';
import type { Article } from '../types';
import { usePolling } from '../use-polling';

/** Recent articles with their processing status (refreshed every few seconds). */
export function ArticlesView() {
  const [articles, setArticles] = useState<Article[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePolling(
    async () => {
      try {
        const page = await api<{ items: Article[] }>('/v1/articles?limit=50');
        setArticles(page.items);
        setError(null);
      } catch (err) {
        setError(errorMessage(err));
      }
      return true;
    },
    4000,
    [],
  );
  return (
    <main>
      <h1>Articles</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {articles === null ? (
        <p>Loading…</p>
      ) : articles.length === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th>Title</th>
              <th>Outlet</th>
              <th>Status</th>
              <th>Claims</th>
              <th>Received</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} data-article-id={a.id}>
                <td>
                  <AppLink href={`/app/articles/${a.id}`}>{a.title ?? 'Untitled article'}</AppLink>
                </td>
                <td>{a.outlet ?? '—'}</td>
                <td data-article-status={a.status}>{a.status}</td>
                <td>{a.claimCount}</td>
                <td>{new Date(a.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
