/**
 * The key named sources are merged on: accents, case, punctuation and a trailing possessive do not make a new
 * source ("Shin Won-sik", "shin won sik", "Shin Won-sik's" → "shin won sik").
 */
export function normalizeSourceKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
