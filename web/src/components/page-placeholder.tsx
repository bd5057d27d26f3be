/** The whole page while its data is not there: the error that stopped it (announced), or a loading line. */
export function PagePlaceholder({ error }: { error: string | null }) {
  return (
    <main>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : (
        <p>Loading…</p>
      )}
    </main>
  );
}
