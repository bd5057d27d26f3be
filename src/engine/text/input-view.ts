/**
 * A cleaned view of the input text with a map back to the ORIGINAL offsets.
 *
 * The engine analyses `view.text` (HTML stripped, entities decoded, words broken across lines rejoined) and maps
 * every span it reports back into the original input with `toOriginalSpan`, so that offsets always point into
 * the string the caller gave us. For plain text without broken words the view IS the input (no map).
 */
import type { Span } from '../types';

export interface InputView {
  /** The input as given. */
  original: string;
  /** The text the engine analyses. */
  text: string;
  /** Original start offset of each view character (null: identity). */
  startMap: Int32Array | null;
  /** Original end offset (exclusive) of each view character (null: identity). */
  endMap: Int32Array | null;
  /** View ranges that come from HTML <figcaption>/<caption> elements. */
  captionRanges: Span[];
  /** View ranges that come from HTML <h1>…<h6> elements. */
  headingRanges: Span[];
}

/** Builds a view piece by piece: each appended character records the original range it stands for. */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  get length(): number {
    return this.starts.length;
  }

  /** Appends original.slice(from, to) verbatim (one view char per original char). */
  copy(original: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(original.slice(from, to));
    for (let i = from; i < to; i++) {
      this.starts.push(i);
      this.ends.push(i + 1);
    }
  }

  /** Appends replacement text that stands for the original range [from, to). */
  replace(text: string, from: number, to: number): void {
    if (!text) return;
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(from);
      this.ends.push(to);
    }
  }

  build(original: string, captionRanges: Span[] = [], headingRanges: Span[] = []): InputView {
    const text = this.parts.join('');
    return {
      original,
      text,
      startMap: Int32Array.from(this.starts),
      endMap: Int32Array.from(this.ends),
      captionRanges,
      headingRanges,
    };
  }
}

export function identityView(original: string): InputView {
  return { original, text: original, startMap: null, endMap: null, captionRanges: [], headingRanges: [] };
}

/** Maps a view span [start, end) to the original input. Empty spans map to an empty original span. */
export function toOriginalSpan(view: InputView, start: number, end: number): Span {
  if (!view.startMap || !view.endMap) return { start, end };
  const n = view.text.length;
  if (n === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, n - 1));
  if (end <= start) {
    const o = start >= n ? view.original.length : view.startMap[s];
    return { start: o, end: o };
  }
  const e = Math.max(s, Math.min(end, n) - 1);
  return { start: view.startMap[s], end: Math.max(view.startMap[s], view.endMap[e]) };
}
