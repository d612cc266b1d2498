import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PII_POLICIES = ['warn', 'review', 'mask'];

export class FindingCountsResponse {
  @ApiProperty() email!: number;
  @ApiProperty() phone!: number;
  @ApiPropertyOptional() card?: number;
  @ApiPropertyOptional() iban?: number;
}

/** What the personal-data check found in a stored post or message: counts and rules, never the values. */
export class FindingsSummaryResponse {
  @ApiProperty() total!: number;
  @ApiProperty({ type: FindingCountsResponse }) byType!: FindingCountsResponse;
  @ApiProperty({ type: [String], example: ['email.plain'] }) rules!: string[];
  @ApiProperty() acknowledged!: boolean;
  @ApiProperty({ enum: PII_POLICIES }) policy!: string;
}

/** A span the mask policy replaced, as offsets into the stored text. */
export class MaskedSpanResponse {
  @ApiProperty({ enum: ['email', 'phone', 'card', 'iban'] }) type!: 'email' | 'phone' | 'card' | 'iban';
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}
