import { useEffect, useRef } from 'preact/hooks';

/**
 * Runs `tick` now and then every `intervalMs` while it returns true (live updates by polling); stops when it
 * returns false or the component unmounts. `deps` restart it.
 */
export function usePolling(tick: () => Promise<boolean>, intervalMs: number, deps: unknown[]): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const run = async () => {
      let again = true;
      try {
        again = await latest.current();
      } catch {
        again = true;
      }
      if (!stopped && again) timer = window.setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, deps);
}
