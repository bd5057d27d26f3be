import { claimSegments } from '../../../src/reports/claim-segments';
import { STATUS_LABELS } from '../statuses';
import type { Claim } from '../types';

interface Props {
  text: string;
  claims: Pick<Claim, 'id' | 'start' | 'end' | 'agreementStatus' | 'text'>[];
  selectedId: string | null;
  onSelect: (claimId: string) => void;
  onHover?: (claimId: string | null) => void;
}

/**
 * The article text with each claim highlighted in its agreement status's colour. Text is rendered as text nodes
 * (never as HTML). Each claim is a focusable button-like <mark> (Enter or Space selects it).
 */
export function HighlightedText({ text, claims, selectedId, onSelect, onHover }: Props) {
  const segments = claimSegments(text.length, claims);
  return (
    <div class="article-text" aria-label="Article text with claims highlighted">
      {segments.map((seg) => {
        const piece = text.slice(seg.start, seg.end);
        if (seg.claimIndex < 0) return piece;
        const claim = claims[seg.claimIndex];
        const selected = claim.id === selectedId;
        return (
          <mark
            key={`${claim.id}-${seg.start}`}
            class={selected ? 'claim selected' : 'claim'}
            data-claim-id={claim.id}
            data-status={claim.agreementStatus}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={`Claim, ${STATUS_LABELS[claim.agreementStatus]}: ${claim.text}`}
            title={STATUS_LABELS[claim.agreementStatus]}
            onClick={() => onSelect(claim.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(claim.id);
              }
            }}
            onMouseEnter={() => onHover?.(claim.id)}
            onMouseLeave={() => onHover?.(null)}
            onFocus={() => onHover?.(claim.id)}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
