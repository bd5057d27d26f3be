import { ApiProperty } from '@nestjs/swagger';

export class FactCheckImportErrorDto {
  @ApiProperty({ description: 'Position of the record in the document (0-based, in document order).' })
  index: number;

  @ApiProperty({ example: 'claimReviewed is missing' })
  error: string;
}

/** What an import did, record by record. */
export class FactCheckImportReportDto {
  @ApiProperty({
    enum: ['claimreview', 'google-factcheck'],
    description: 'The shape the document was read as.',
  })
  format: 'claimreview' | 'google-factcheck';

  @ApiProperty({ description: 'New fact-checks stored.' })
  imported: number;

  @ApiProperty({
    description: 'Fact-checks already stored (same url and claim reviewed) whose fields changed.',
  })
  updated: number;

  @ApiProperty({
    description: 'Fact-checks already stored exactly as imported (a re-import changes nothing).',
  })
  unchanged: number;

  @ApiProperty({ description: 'Records that could not be read; listed in errors.' })
  failed: number;

  @ApiProperty({ type: [FactCheckImportErrorDto] })
  errors: FactCheckImportErrorDto[];

  @ApiProperty({ description: 'Matches found between the imported fact-checks and the stored claims.' })
  matches: number;
}
