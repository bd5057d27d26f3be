/** The API client of the web app: same origin, the key from sessionStorage (never localStorage, never a cookie). */

const KEY_STORAGE = 'claimtrail.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** An answer other than 2xx: the API's {statusCode, error, message}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  body?: unknown;
  key?: string;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const key = options.key ?? storedKey();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key) headers['X-API-Key'] = key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return res;
}

/** JSON answer, or undefined for 204. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A text answer (CSV, Markdown). */
export async function apiText(path: string): Promise<string> {
  return (await send(path, {})).text();
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
