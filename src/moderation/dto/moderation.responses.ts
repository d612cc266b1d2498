import { ApiProperty } from '@nestjs/swagger';
import { UploadResponse } from '../../uploads/dto/upload.responses';
import { CONTENT_STATUSES } from '../../posts/dto/post.responses';
import { FindingsSummaryResponse } from '../../publishing/dto/findings.responses';
import { REPORT_REASONS } from '../report';

export class PendingEditResponse {
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

/** A post or board message as moderation sees it: the source and the findings, whatever its status. */
export class ModeratedContentResponse {
  @ApiProperty({ enum: ['post', 'message'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty({ description: 'The topic (posts) or board (messages) it belongs to' }) containerId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiProperty() source!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ type: String, nullable: true, description: "The topic's title, for a first post" })
  title!: string | null;
  @ApiProperty({ type: FindingsSummaryResponse, nullable: true }) findings!: FindingsSummaryResponse | null;
  @ApiProperty({
    type: PendingEditResponse,
    nullable: true,
    description: "An author's edit waiting for review",
  })
  pendingEdit!: PendingEditResponse | null;
  @ApiProperty({ type: [String], description: 'Posts this one quotes' }) quotedIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CopyPlaceResponse {
  @ApiProperty({ enum: ['post', 'message'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty({ description: 'The topic (posts) or board (messages)' }) containerId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String], example: ['email'] }) types!: string[];
  @ApiProperty({ description: 'It quotes the item asked about: removal follows it by itself' })
  quotes!: boolean;
}

export class CopiesResponse {
  @ApiProperty({ type: [CopyPlaceResponse], description: 'Copies you may act on' })
  places!: CopyPlaceResponse[];
  @ApiProperty({ description: 'Copies in places you do not moderate: counted only' }) outOfReach!: number;
}

export class RedactedCopyResponse {
  @ApiProperty({ enum: ['post', 'message'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { email: 1 } })
  counts!: Record<string, number>;
}

export class RedactionCopiesResponse {
  @ApiProperty({ type: [RedactedCopyResponse], description: 'Quotes always; every copy with `everywhere`' })
  removed!: RedactedCopyResponse[];
  @ApiProperty({ type: [CopyPlaceResponse], description: 'Copies left as they are' })
  remaining!: CopyPlaceResponse[];
  @ApiProperty() outOfReach!: number;
}

export class RedactionResponse {
  @ApiProperty({ type: ModeratedContentResponse }) content!: ModeratedContentResponse;
  @ApiProperty({ type: RedactionCopiesResponse }) copies!: RedactionCopiesResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { email: 1 },
    description: 'How many values of each type were removed',
  })
  counts!: Record<string, number>;
}

export class MarkedSpanResponse {
  @ApiProperty({ enum: ['email', 'phone', 'card', 'iban'] }) type!: string;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiProperty({ example: 'email.plain' }) rule!: string;
}

export class QueuePendingEditResponse extends PendingEditResponse {
  @ApiProperty({ type: [MarkedSpanResponse] }) spans!: MarkedSpanResponse[];
}

export class QueueContentResponse {
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() containerId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() source!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [MarkedSpanResponse], description: 'Found by the detector now; offsets into source' })
  spans!: MarkedSpanResponse[];
  @ApiProperty({ type: QueuePendingEditResponse, nullable: true })
  pendingEdit!: QueuePendingEditResponse | null;
}

export class QueueAuthorResponse {
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ description: 'Moderator actions on this author’s content before' }) previousActions!: number;
}

export class QueueItemResponse {
  @ApiProperty({ example: 'post:665f1c2e9b1d4a0012345679' }) id!: string;
  @ApiProperty({ enum: ['post', 'message'] }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ type: [String], example: ['pii_acknowledged', 'reported:spam'] }) reasons!: string[];
  @ApiProperty({ enum: ['high', 'low'] }) priority!: string;
  @ApiProperty() reportCount!: number;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty() ageSeconds!: number;
  @ApiProperty({ type: String, nullable: true }) resolution!: string | null;
  @ApiProperty({ type: QueueAuthorResponse }) author!: QueueAuthorResponse;
  @ApiProperty({ type: QueueContentResponse, nullable: true, description: 'null when the content is gone' })
  content!: QueueContentResponse | null;
  @ApiProperty({ type: [UploadResponse], description: "A post's images and attachments" })
  uploads!: UploadResponse[];
}

export class QueuePageResponse {
  @ApiProperty({ type: [QueueItemResponse] }) items!: QueueItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RestrictedUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['active', 'silenced', 'suspended'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) silencedUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) restrictionReason!: string | null;
}

export class ReportResponse {
  @ApiProperty({ example: 'post:665f1c2e9b1d4a0012345679:665f1c2e9b1d4a0012345680' }) id!: string;
  @ApiProperty({ enum: ['post', 'message'] }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty() reporterId!: string;
  @ApiProperty({ enum: REPORT_REASONS }) reason!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['open', 'dismissed', 'actioned'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Reports on this item so far' }) reportCount!: number;
}
