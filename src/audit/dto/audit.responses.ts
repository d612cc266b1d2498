import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One append-only audit entry: who did what to which target, never the removed values. */
export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for system actions' }) actorId!:
    string | null;
  @ApiProperty({ enum: ['admin', 'moderator', 'forum-moderator', 'member', 'system'] }) actorRole!: string;
  @ApiProperty({ example: 'post.redacted' }) action!: string;
  @ApiProperty({ example: 'post' }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiPropertyOptional() forumId?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { email: 1, phone: 2 },
    description: 'How many values of each type a redaction removed',
  })
  counts?: Record<string, number>;
  @ApiPropertyOptional({ type: [String], description: 'Whose content or account the action concerns' })
  subjectUserIds?: string[];
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}
