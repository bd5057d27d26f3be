import type { SourceResponseDto } from './dto/source-response.dto';
import type { Source } from './source.entity';

/** The public view of a source. */
export function toSourceView(s: Source): SourceResponseDto {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    aliases: s.aliases,
    role: s.role,
    affiliation: s.affiliation,
    createdAt: s.createdAt.toISOString(),
  };
}
