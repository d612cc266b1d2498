import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PII_POLICIES } from '../../publishing/dto/findings.responses';

export class ReportedFindingResponse {
  @ApiProperty({ enum: ['email', 'phone', 'card', 'iban'] }) type!: string;
  @ApiProperty({ description: 'UTF-16 offset into the text' }) start!: number;
  @ApiProperty({ description: 'Exclusive end offset' }) end!: number;
  @ApiProperty({ description: 'text.slice(start, end)' }) text!: string;
  @ApiProperty({ example: 'email.plain' }) rule!: string;
}

export class CheckResultResponse {
  @ApiProperty({ type: [ReportedFindingResponse] }) findings!: ReportedFindingResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as acknowledgePersonalData to publish this text; null when nothing was found',
  })
  findingsDigest!: string | null;
  @ApiProperty({ example: 'US', description: 'Region used for national phone numbers' }) region!: string;
  @ApiPropertyOptional({ enum: PII_POLICIES, description: 'When a forum was named' }) policy?: string;
  @ApiPropertyOptional({ description: 'What publishing there would do, for display' }) explanation?: string;
}
