import { ApiProperty } from '@nestjs/swagger';
import { FactCheckResponseDto } from './fact-check-response.dto';

export class FactCheckMatchDto {
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.95,
    description: 'Confidence that it reviews the claim.',
  })
  score: number;

  @ApiProperty({
    example: 'engine:quantity-interval',
    description: "'engine:<comparison>' or 'token-overlap'.",
  })
  method: string;

  @ApiProperty({ example: 'about 10,000 (9,000–11,000) overlaps 10,000 (deployment)' })
  explanation: string;
}

/** A prior fact-check matching a claim, with the match. */
export class ClaimFactCheckResponseDto extends FactCheckResponseDto {
  @ApiProperty({ type: FactCheckMatchDto })
  match: FactCheckMatchDto;
}

export class ClaimFactCheckListResponseDto {
  @ApiProperty({ type: [ClaimFactCheckResponseDto], description: 'Best match first.' })
  items: ClaimFactCheckResponseDto[];
}
