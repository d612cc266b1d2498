import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoticeStateResponse } from '../../notices/dto/notice.responses';
import { CONTENT_STATUSES } from '../../posts/dto/post.responses';
import {
  FindingsSummaryResponse,
  MaskedSpanResponse,
  PII_POLICIES,
} from '../../publishing/dto/findings.responses';

export class BoardResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'acme-2-4-launch' }) slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty() forumSlug!: string;
  @ApiProperty({ enum: PII_POLICIES, nullable: true, description: "null: the forum's policy applies" })
  piiPolicy!: string | null;
  @ApiProperty({ description: 'Minimum seconds between messages per member (0: off)' })
  slowModeSeconds!: number;
  @ApiProperty({ description: 'seq of the newest message' }) lastSeq!: number;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A board message as this reader may see it: placeholders for hidden, removed and deleted ones. */
export class BoardMessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() boardId!: string;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ description: 'Rendered and sanitised Markdown' }) html!: string;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'seq of the message answered' })
  replyTo!: number | null;
  @ApiProperty() replyCount!: number;
  @ApiProperty() likeCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty() revisionCount!: number;
  @ApiPropertyOptional({ description: 'Signed-in readers' }) likedByMe?: boolean;
  @ApiPropertyOptional({ description: 'Author and moderators: the Markdown' }) source?: string;
  @ApiPropertyOptional({
    type: FindingsSummaryResponse,
    nullable: true,
    description: 'Author and moderators',
  })
  findings?: FindingsSummaryResponse | null;
  @ApiPropertyOptional({ example: 'waiting for a moderator' }) pending?: string;
}

export class MessagePageResponse {
  @ApiProperty({ type: [BoardMessageResponse], description: 'Oldest first' })
  messages!: BoardMessageResponse[];
  @ApiProperty() lastSeq!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as `before` for older messages' })
  olderBefore!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as `after` for newer messages' })
  newerAfter!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The member's read position; null when anonymous",
  })
  lastReadSeq!: number | null;
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class SentMessageResponse {
  @ApiProperty({ type: BoardMessageResponse }) message!: BoardMessageResponse;
  @ApiProperty({ type: [MaskedSpanResponse], description: 'Spans the mask policy replaced; [] otherwise' })
  masked!: MaskedSpanResponse[];
}

export class BoardReadMarkResponse {
  @ApiProperty() lastReadSeq!: number;
}
