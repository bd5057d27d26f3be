import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, forgetKey, storedKey } from './api';
import { AppLink } from './components/app-link';
import { BASE, navigate, useLocation } from './router';
import type { Role, Session } from './types';
import { ArticleReportView } from './views/article-report-view';
import { ArticleView } from './views/article-view';
import { ArticlesView } from './views/articles-view';
import { OutletReportView } from './views/outlet-report-view';
import { QueueView } from './views/queue-view';
import { SignInView } from './views/sign-in-view';
import { SourceView } from './views/source-view';
import './styles.css';

const UUID = '([0-9a-fA-F-]{36})';
const can = {
  queue: (r: Role) => r === 'factchecker' || r === 'editor' || r === 'admin',
  outletReport: (r: Role) => r === 'editor' || r === 'admin',
};

function Page({ session }: { session: Session }) {
  const { path, search } = useLocation();
  let m: RegExpMatchArray | null;
  if ((m = path.match(new RegExp(`^${BASE}/articles/${UUID}/report$`))))
    return <ArticleReportView id={m[1]} />;
  if ((m = path.match(new RegExp(`^${BASE}/articles/${UUID}$`)))) return <ArticleView id={m[1]} />;
  if ((m = path.match(new RegExp(`^${BASE}/sources/${UUID}$`)))) return <SourceView id={m[1]} />;
  if (path === `${BASE}/queue`) return <QueueView role={session.role} />;
  if (path === `${BASE}/reports`) return <OutletReportView search={search} />;
  if (path === BASE) return <ArticlesView />;
  return (
    <main>
      <h1>Not found</h1>
      <p>
        No page at this address. <AppLink href={BASE}>Go to the articles</AppLink>.
      </p>
    </main>
  );
}

function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(() => storedKey() !== null);

  useEffect(() => {
    if (!storedKey()) return;
    api<Session>('/v1/session')
      .then(setSession)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) forgetKey();
      })
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <p>Checking your key…</p>;
  if (!session) return <SignInView onSignedIn={setSession} />;
  return (
    <>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <AppLink href={BASE} class="brand">
            claimtrail
          </AppLink>
          <AppLink href={BASE}>Articles</AppLink>
          {can.queue(session.role) && <AppLink href={`${BASE}/queue`}>Review queue</AppLink>}
          {can.outletReport(session.role) && <AppLink href={`${BASE}/reports`}>Reports</AppLink>}
          <span class="who">
            {session.name} ({session.role})
          </span>
          <button
            type="button"
            onClick={() => {
              forgetKey();
              setSession(null);
              navigate(BASE);
            }}
          >
            Sign out
          </button>
        </nav>
      </header>
      <div id="content">
        <Page session={session} />
      </div>
    </>
  );
}

const root = document.getElementById('root');
if (root) render(<App />, root);
