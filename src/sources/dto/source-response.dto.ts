import { ApiProperty } from '@nestjs/swagger';
import { ClaimResponseDto } from '../../claims/dto/claim-response.dto';
import { SOURCE_TYPES, type SourceKind } from '../source.entity';

export class SourceResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'John Kirby' })
  name: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  type: SourceKind;

  @ApiProperty({ type: [String], example: ['Kirby'] })
  aliases: string[];

  @ApiProperty({ type: String, nullable: true, example: 'National Security Communications Advisor' })
  role: string | null;

  @ApiProperty({ type: String, nullable: true })
  affiliation: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class SourceListResponseDto {
  @ApiProperty({ type: [SourceResponseDto] })
  items: SourceResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class SourceTrackRecordDto {
  @ApiProperty({ description: 'Claims attributed to the source (as primary source or relay).' })
  claims: number;

  @ApiProperty({ description: 'Of those, claims at least two independent origins state or agree with.' })
  corroborated: number;

  @ApiProperty({ description: 'Claims some other claim conflicts with.' })
  conflicting: number;

  @ApiProperty({ description: 'Claims only this origin states.' })
  singleSource: number;

  @ApiProperty({ description: 'Claims with no primary source of their own (the source relayed them).' })
  unattributed: number;

  @ApiProperty({ description: 'Claims not verified yet.' })
  pending: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { false: 1, mostly_true: 2 },
    description: 'Published review verdicts on its claims: rating → claims.',
  })
  reviewRatings: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { false: 1, unrated: 1 },
    description:
      'Imported fact-checks matched with its claims: verdict on our scale (or "unrated") → fact-checks.',
  })
  factCheckVerdicts: Record<string, number>;
}

/** GET /v1/sources/:id of a merged source: 301 with Location /v1/sources/<target> and this body. */
export class SourceMovedResponseDto {
  @ApiProperty({ example: 301 })
  statusCode: number;

  @ApiProperty({ example: 'Source 0b6… ("Jon Kirby") was merged into 4f1… ("John Kirby").' })
  message: string;

  @ApiProperty({ format: 'uuid' })
  mergedIntoId: string;

  @ApiProperty({ example: 'John Kirby' })
  mergedIntoName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  mergedAt: string;
}

export class SourceDetailResponseDto extends SourceResponseDto {
  @ApiProperty({ type: SourceTrackRecordDto })
  trackRecord: SourceTrackRecordDto;

  @ApiProperty({ type: [ClaimResponseDto], description: 'Its most recent claims (up to 100).' })
  claims: ClaimResponseDto[];
}
