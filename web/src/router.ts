import { useEffect, useState } from 'preact/hooks';

export const BASE = '/app';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Goes to an app path ("/app/queue") without reloading the page. */
export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  for (const l of listeners) l();
}

/** The current path and query; re-renders on navigation and on back/forward. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return {
    path: location.pathname.replace(/\/+$/, '') || BASE,
    search: new URLSearchParams(location.search),
  };
}

/** Click handler for in-app links: plain clicks navigate in place, modified clicks keep the browser's behaviour. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const href = anchor.getAttribute('href');
  if (!href?.startsWith(BASE)) return;
  event.preventDefault();
  navigate(href);
}

/** Only http(s) URLs become links (an article URL like `javascript:…` stays text). */
export const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url);
