import { ApiProperty } from '@nestjs/swagger';

export class NoticeResponse {
  @ApiProperty({ enum: ['public-area', 'privacy'] }) kind!: 'public-area' | 'privacy';
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ description: 'Markdown' }) text!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class CurrentNoticeResponse extends NoticeResponse {
  @ApiProperty({ description: 'Whether the caller acknowledged this version (false when anonymous)' })
  acknowledged!: boolean;
}

export class NoticeVersionsPageResponse {
  @ApiProperty({ type: [NoticeResponse] }) items!: NoticeResponse[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as `before` for the next (older) page' })
  nextCursor!: number | null;
}

export class AcknowledgementResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt!: string;
}

export class AcknowledgementsResponse {
  @ApiProperty({ type: [AcknowledgementResponse] }) items!: AcknowledgementResponse[];
}

/** `notice` on every response that serves a public area: the current version and whether the caller acknowledged it. */
export class NoticeStateResponse {
  @ApiProperty() version!: number;
  @ApiProperty() acknowledged!: boolean;
}
