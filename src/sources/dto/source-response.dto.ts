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

  @ApiProperty()
  corroborated: number;

  @ApiProperty()
  conflicting: number;
}

export class SourceDetailResponseDto extends SourceResponseDto {
  @ApiProperty({ type: SourceTrackRecordDto })
  trackRecord: SourceTrackRecordDto;

  @ApiProperty({ type: [ClaimResponseDto], description: 'Its most recent claims (up to 100).' })
  claims: ClaimResponseDto[];
}
