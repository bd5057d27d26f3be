import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SourceResponseDto } from './source-response.dto';

export class MergeSourceDto {
  @ApiProperty({ format: 'uuid', description: 'The live source this one is merged into.' })
  @IsUUID()
  intoId: string;

  @ApiPropertyOptional({
    description:
      'Required (true) to merge sources of different types, or an anonymous source: otherwise 409. The target ' +
      'keeps its type.',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export const ALIAS_ACTIONS = ['add', 'remove', 'split'] as const;
export type AliasAction = (typeof ALIAS_ACTIONS)[number];

export class SourceAliasesDto {
  @ApiProperty({
    enum: ALIAS_ACTIONS,
    description:
      'add / remove an alias (no attribution moves); split: the attributions whose mention was written as the ' +
      'alias move, with the alias, to `intoId` or to a new source named after the alias.',
  })
  @IsIn(ALIAS_ACTIONS)
  action: AliasAction;

  @ApiProperty({ example: 'Kirby' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  alias: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'split only: an existing live source to move them to.',
  })
  @IsOptional()
  @IsUUID()
  intoId?: string;
}

export class SourceEditResponseDto {
  @ApiProperty({ type: SourceResponseDto, description: 'The source edited (for a merge: the target).' })
  source: SourceResponseDto;

  @ApiProperty({
    type: SourceResponseDto,
    nullable: true,
    description: 'merge: the source merged away; split: the source the mentions moved to; else null.',
  })
  other: SourceResponseDto | null;

  @ApiProperty({
    description: 'Attributions moved to the other source (split: with those restored from a merge before).',
  })
  movedAttributions: number;

  @ApiProperty({
    description:
      'Attributions the receiving source already had (same claim and role): not counted twice, but kept aside, ' +
      'so a split that undoes the edit restores them.',
  })
  droppedAttributions: number;

  @ApiProperty({
    description:
      'Claims whose origins changed. Their agreement (and that of their related claims) is recomputed by a ' +
      'background job right after the answer.',
  })
  affectedClaims: number;
}
