/**
 * Input hygiene in one call: HTML stripped (when the input is HTML), broken words rejoined, page debris set aside,
 * and the article's sentences found — every span in view coordinates, mappable to the original input.
 */
import type { AnalysedSentence } from '../claims/claim-builder';
import { rejoinBrokenWords } from './broken-words';
import { looksLikeHtml, stripHtml } from './html-stripper';
import { identityView, type InputView } from './input-view';
import { analyzeLayout, type TextBlock } from './page-layout';
import { splitSentences } from './sentence-splitter';

export interface PreparedText {
  view: InputView;
  blocks: TextBlock[];
  sentences: AnalysedSentence[];
  /** Outlet found in a dateline, if any. */
  outlet?: string;
}

export function prepareText(input: string): PreparedText {
  const html = looksLikeHtml(input);
  let view = html ? stripHtml(input) : identityView(input);
  if (!html) view = rejoinBrokenWords(view);
  const layout = analyzeLayout(view.text, {
    captionRanges: view.captionRanges,
    headingRanges: view.headingRanges,
  });
  const sentences: AnalysedSentence[] = [];
  for (const b of layout.blocks) {
    if (b.kind === 'debris') continue;
    const kind = b.kind === 'content' ? 'content' : b.kind;
    if (kind === 'headline' || kind === 'heading') {
      const from = b.contentStart;
      let to = b.contentEnd;
      while (to > from && /\s/.test(view.text[to - 1])) to--;
      if (to > from) sentences.push({ start: from, end: to, text: view.text.slice(from, to), kind });
      continue;
    }
    for (const s of splitSentences(view.text, b.contentStart, b.contentEnd)) sentences.push({ ...s, kind });
  }
  return { view, blocks: layout.blocks, sentences, outlet: layout.outlet };
}
