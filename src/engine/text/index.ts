export { prepareText, type PreparedText } from './prepared-text';
export { detectLanguage } from './language-detector';
export { splitSentences, type SentenceSpan } from './sentence-splitter';
export { analyzeLayout, type BlockKind, type PageLayout, type TextBlock } from './page-layout';
export { stripHtml, looksLikeHtml } from './html-stripper';
export { rejoinBrokenWords, findBrokenWordBreaks } from './broken-words';
export { toOriginalSpan, identityView, type InputView } from './input-view';
export { sentenceAround } from './sentence-around';
