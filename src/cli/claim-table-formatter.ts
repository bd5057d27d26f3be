/**
 * Human-readable table of an analysis: one row per claim (span, check-worthy, sources, via, quantities).
 */
import type { Analysis, Quantity } from '../engine/types';

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function describeQuantity(q: Quantity): string {
  const value = q.value === null ? 'vague' : q.high !== undefined ? `${q.value}–${q.high}` : String(q.value);
  const bound = q.bound === 'exact' || q.bound === 'range' || q.bound === 'vague' ? '' : `${q.bound} `;
  return `${bound}${value}${q.unit ? ` ${q.unit}` : ''}${q.change ? ` (${q.change})` : ''}`;
}

export function formatClaimTable(analysis: Analysis): string {
  const lines: string[] = [];
  lines.push(
    `language: ${analysis.language}   claims: ${analysis.claims.length}   check-worthy: ${analysis.claims.filter((c) => c.checkworthy).length}   relations: ${analysis.relations.length}`,
  );
  if (analysis.claims.length === 0) return `${lines[0]}\n`;
  lines.push('');
  lines.push(
    `${'#'.padStart(3)}  ${'span'.padEnd(11)}  cw   ${'claim'.padEnd(60)}  ${'sources'.padEnd(24)}  ${'via'.padEnd(16)}  quantities`,
  );
  analysis.claims.forEach((c, i) => {
    const span = `${c.start}-${c.end}`;
    const sources = c.sources.map((s) => s.name).join('; ') || '—';
    const via = c.via.map((s) => s.name).join('; ') || '—';
    const qs = c.quantities.map(describeQuantity).join('; ') || '—';
    lines.push(
      `${String(i).padStart(3)}  ${span.padEnd(11)}  ${c.checkworthy ? 'yes' : 'no '}  ${clip(c.text, 60).padEnd(60)}  ${clip(sources, 24).padEnd(24)}  ${clip(via, 16).padEnd(16)}  ${qs}`,
    );
  });
  if (analysis.relations.length) {
    lines.push('');
    lines.push('relations:');
    for (const r of analysis.relations)
      lines.push(`  ${r.a} ${r.relation} ${r.b} (${r.score.toFixed(2)}): ${r.explanation}`);
  }
  return `${lines.join('\n')}\n`;
}
