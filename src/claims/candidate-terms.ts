/**
 * Which of a claim's lexemes make a candidate query whose cost stays flat as the corpus grows.
 *
 * A lexeme found in many stored documents ("said", "people", "officials") matches a share of the corpus, so an OR of
 * every lexeme makes the database fetch and rank a share of the corpus per claim. Only the claim's distinctive
 * lexemes — found in at most `maxDocuments` stored documents (names, places, figures, rare words) — may open a
 * match: the query is, for each distinctive lexeme d, `d & (any other lexeme of the claim)`. A candidate therefore
 * shares at least two lexemes with the claim, one of them distinctive, and the rows the GIN index returns are at
 * most `maxTerms × maxDocuments` whatever the corpus size. Lexemes of middling frequency (at most
 * `maxPairDocuments` documents and `maxPairShare` of the corpus: a place named now and then, a topic) open a match only together: `m1 & m2`, whose
 * rows are at most the smaller posting list and, for unrelated words, about df1 × df2 / N — fewer as the corpus
 * grows. A claim made only of frequent lexemes gets no query.
 */

export interface CandidateTermOptions {
  /** A lexeme in more stored documents than this (estimated) is frequent: it never opens a match. */
  maxDocuments: number;
  /** The rarest distinctive lexemes used (bounds the query's size and the rows it can return). */
  maxTerms: number;
  /**
   * A lexeme in more than maxDocuments stored documents, but at most this many and at most `maxPairShare` of them,
   * opens a match paired with another such lexeme.
   */
  maxPairDocuments: number;
  maxPairShare: number;
  /** The rarest middling lexemes paired with each other. */
  maxPairTerms: number;
  /** Lexemes shorter than this are ignored (stems of numbers under 100, "us", "un"). */
  minLength: number;
}

export const DEFAULT_CANDIDATE_TERM_OPTIONS: CandidateTermOptions = {
  maxDocuments: 200,
  maxTerms: 6,
  maxPairDocuments: 2_000,
  maxPairShare: 0.02,
  maxPairTerms: 4,
  minLength: 3,
};

export interface CandidateTerms {
  /** The distinctive lexemes, rarest first. */
  distinctive: string[];
  /** The middling lexemes that open a match in pairs, rarest first. */
  middling: string[];
  /**
   * `tsquery` text: some distinctive lexeme and one more lexeme of the claim, or two middling lexemes; null when
   * nothing can match.
   */
  match: string | null;
  /**
   * `tsquery` text of what opens the index scan: the distinctive lexemes and the middling pairs, with none of the
   * frequent lexemes `match` pairs them with (a GIN scan reads the posting list of every lexeme of its query, and
   * those of frequent lexemes are long). Every row matching `match` matches `open`, so a search is
   * `search_vector @@ open` through the index, then `match` checked on the rows it returns. Null with `match`.
   */
  open: string | null;
  /** `tsquery` text ranking the matches: every usable lexeme, OR-ed. */
  rank: string | null;
}

/** A lexeme as a quoted `tsquery` operand (taken as is: no parsing, no normalisation). */
export function tsqueryOperand(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** What the corpus statistics say: stored documents, and how many hold each lexeme they know (absent = rare). */
export interface LexemeStatistics {
  rows: number;
  documents: ReadonlyMap<string, number>;
}

/** `lexemes`: the claim's (from its stored tsvector). */
export function candidateTerms(
  lexemes: readonly string[],
  { rows, documents }: LexemeStatistics,
  options: CandidateTermOptions = DEFAULT_CANDIDATE_TERM_OPTIONS,
): CandidateTerms {
  const usable = [...new Set(lexemes)].filter((l) => l.length >= options.minLength).sort();
  const df = (l: string) => documents.get(l) ?? 0;
  const byRarity = (a: string, b: string) => df(a) - df(b) || (a < b ? -1 : a > b ? 1 : 0);
  const distinctive = usable
    .filter((l) => df(l) <= options.maxDocuments)
    .sort(byRarity)
    .slice(0, options.maxTerms);
  const middling = usable
    .filter(
      (l) =>
        df(l) > options.maxDocuments &&
        df(l) <= options.maxPairDocuments &&
        df(l) <= options.maxPairShare * rows,
    )
    .sort(byRarity)
    .slice(0, options.maxPairTerms);
  const clauses: string[] = [];
  const opens: string[] = [];
  if (usable.length >= 2) {
    for (const d of distinctive) {
      const others = usable.filter((l) => l !== d).map(tsqueryOperand);
      clauses.push(`(${tsqueryOperand(d)} & (${others.join(' | ')}))`);
      opens.push(tsqueryOperand(d));
    }
  }
  for (let i = 0; i < middling.length; i++) {
    for (let j = i + 1; j < middling.length; j++) {
      const pair = `(${tsqueryOperand(middling[i])} & ${tsqueryOperand(middling[j])})`;
      clauses.push(pair);
      opens.push(pair);
    }
  }
  if (!clauses.length) return { distinctive, middling, match: null, open: null, rank: null };
  return {
    distinctive,
    middling,
    match: clauses.join(' | '),
    open: opens.join(' | '),
    rank: usable.map(tsqueryOperand).join(' | '),
  };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The publication dates a candidate's article may have: `days` either side of the claim's article's date. Null (no
 * narrowing) when that article has no date or `days` is 0.
 */
export function candidateWindow(publishedAt: Date | null, days: number): { from: Date; to: Date } | null {
  if (!publishedAt || days <= 0) return null;
  const t = new Date(publishedAt).getTime();
  return { from: new Date(t - days * DAY_MS), to: new Date(t + days * DAY_MS) };
}
