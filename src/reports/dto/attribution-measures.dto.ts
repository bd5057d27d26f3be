import { ApiProperty } from '@nestjs/swagger';

/** Shares of check-worthy claims by attribution (0..1; 0 when there are no check-worthy claims). */
export class AttributionSharesDto {
  @ApiProperty({ description: 'Attributed to at least one named source.' })
  attributed: number;

  @ApiProperty({ description: 'Attributed only to anonymous sources ("a White House official").' })
  anonymous: number;

  @ApiProperty({ description: 'Not attributed at all.' })
  unattributed: number;
}

/** The attribution measures of a set of claims (one article, an outlet, a period). */
export class AttributionMeasuresDto {
  @ApiProperty()
  claims: number;

  @ApiProperty()
  checkworthyClaims: number;

  @ApiProperty({ description: 'Check-worthy claims attributed to at least one named source.' })
  attributed: number;

  @ApiProperty({ description: 'Check-worthy claims attributed only to anonymous sources.' })
  anonymous: number;

  @ApiProperty({ description: 'Check-worthy claims without any source.' })
  unattributed: number;

  @ApiProperty({ type: AttributionSharesDto })
  shares: AttributionSharesDto;

  @ApiProperty({ description: 'Claims with figures resting on a single independent origin.' })
  singleSourceFigures: number;

  @ApiProperty({ description: 'Claims with figures and no source.' })
  unattributedFigures: number;

  @ApiProperty({
    description: 'Distinct independent origins (primary sources; a relay only when no primary is named).',
  })
  independentOrigins: number;
}
