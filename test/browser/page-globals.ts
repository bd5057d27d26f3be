/**
 * The few browser globals the browser tests read inside page.evaluate (the test tsconfig has no DOM lib). Use as
 * `const w = globalThis as unknown as PageGlobals` inside the evaluated function (it runs in the page).
 */
export interface PageElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
    activeElement: PageElement | null;
    body: { innerText: string };
  };
  localStorage: { length: number };
  sessionStorage: { length: number };
  history: { pushState(data: unknown, unused: string, url: string): void };
  dispatchEvent(event: unknown): boolean;
  PopStateEvent: new (type: string) => unknown;
  __xss?: number;
  __sameDocument?: boolean;
}

export interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
}
