/**
 * Which of a claim's lexemes make a candidate query whose cost stays flat as the corpus grows.
 *
 * A lexeme found in many stored documents ("said", "people", "officials") matches a share of the corpus, so an OR of
 * every lexeme makes the database fetch and rank a share of the corpus per claim. Only the claim's distinctive
 * lexemes — found in at most `maxDocuments` stored documents (names, places, figures, rare words) — may open a
 * match: the query is, for each distinctive lexeme d, `d & (any other lexeme of the claim)`. A candidate therefore
 * shares at least two lexemes with the claim, one of them distinctive, and the rows the GIN index returns are at
 * most `maxTerms × maxDocuments` whatever the corpus size. A claim made only of frequent lexemes gets no query.
 */

export interface CandidateTermOptions {
  /** A lexeme in more stored documents than this (estimated) is frequent: it never opens a match. */
  maxDocuments: number;
  /** The rarest distinctive lexemes used (bounds the query's size and the rows it can return). */
  maxTerms: number;
  /** Lexemes shorter than this are ignored (stems of numbers under 100, "us", "un"). */
  minLength: number;
}

export const DEFAULT_CANDIDATE_TERM_OPTIONS: CandidateTermOptions = {
  maxDocuments: 200,
  maxTerms: 6,
  minLength: 3,
};

export interface CandidateTerms {
  /** The distinctive lexemes, rarest first. */
  distinctive: string[];
  /** `tsquery` text: some distinctive lexeme and one more lexeme of the claim; null when nothing can match. */
  match: string | null;
  /** `tsquery` text ranking the matches: every usable lexeme, OR-ed. */
  rank: string | null;
}

/** A lexeme as a quoted `tsquery` operand (taken as is: no parsing, no normalisation). */
export function tsqueryOperand(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * `lexemes`: the claim's (from its stored tsvector). `documents`: the estimated number of stored documents holding
 * each lexeme, for the lexemes the statistics know (absent = rare).
 */
export function candidateTerms(
  lexemes: readonly string[],
  documents: ReadonlyMap<string, number>,
  options: CandidateTermOptions = DEFAULT_CANDIDATE_TERM_OPTIONS,
): CandidateTerms {
  const usable = [...new Set(lexemes)].filter((l) => l.length >= options.minLength).sort();
  const df = (l: string) => documents.get(l) ?? 0;
  const distinctive = usable
    .filter((l) => df(l) <= options.maxDocuments)
    .sort((a, b) => df(a) - df(b) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, options.maxTerms);
  if (!distinctive.length || usable.length < 2) return { distinctive, match: null, rank: null };
  const clauses = distinctive.map((d) => {
    const others = usable.filter((l) => l !== d).map(tsqueryOperand);
    return `(${tsqueryOperand(d)} & (${others.join(' | ')}))`;
  });
  return { distinctive, match: clauses.join(' | '), rank: usable.map(tsqueryOperand).join(' | ') };
}
