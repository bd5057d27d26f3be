import { useState } from 'preact/hooks';
import { api, errorMessage, storeKey } from '../api';
import type { Session } from '../types';

/** Sign-in with an API key; the key is kept in sessionStorage only (gone when the tab closes). */
export function SignInView({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const session = await api<Session>('/v1/session', { key: key.trim() });
      storeKey(key.trim());
      onSignedIn(session);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <h1>claimtrail</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="apiKey">API key</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autoComplete="off"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="apiKey-help"
        />
        <p id="apiKey-help" class="help">
          Kept in this browser tab only. Ask an admin for a key (editor or fact-checker).
        </p>
        <button type="submit" disabled={busy || !key.trim()}>
          Sign in
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
