import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ForumListItemResponse, ForumResponse } from '../../forums/dto/forum.responses';
import { NoticeStateResponse } from '../../notices/dto/notice.responses';
import { FindingsSummaryResponse, MaskedSpanResponse } from '../../publishing/dto/findings.responses';

export const CONTENT_STATUSES = ['visible', 'held', 'hidden', 'removed', 'deleted'];

export class TopicResponse {
  @ApiProperty() id!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once the author deleted their account' })
  authorId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() pinned!: boolean;
  @ApiProperty() locked!: boolean;
  @ApiProperty({ enum: ['visible', 'held', 'hidden', 'removed'] }) status!: string;
  @ApiProperty() replyCount!: number;
  @ApiProperty({ description: 'Sequence number of the newest visible post' }) lastSeq!: number;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ description: 'The reply marked as the answer (solved topics only)' })
  solvedPostId?: string;
  @ApiPropertyOptional({ description: 'Its seq, to link to it' }) solvedSeq?: number;
  @ApiPropertyOptional({ description: 'Signed-in readers only' }) lastReadSeq?: number;
  @ApiPropertyOptional({ description: 'Signed-in readers only' }) unreadCount?: number;
}

/** A post as this reader may see it: placeholders for hidden, removed and deleted posts. */
export class PostResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Place in the topic: 1 is the first post' }) seq!: number;
  @ApiProperty() topicId!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ description: 'Rendered and sanitised Markdown' }) html!: string;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'seq of the post answered' }) replyTo!:
    number | null;
  @ApiProperty({ type: [String] }) quotedPostIds!: string[];
  @ApiProperty({ type: [String] }) mentionedUserIds!: string[];
  @ApiProperty() likeCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty() revisionCount!: number;
  @ApiPropertyOptional({ description: 'Signed-in readers' }) likedByMe?: boolean;
  @ApiPropertyOptional({ description: 'Author and moderators: the Markdown to edit from' }) source?: string;
  @ApiPropertyOptional({
    type: FindingsSummaryResponse,
    nullable: true,
    description: 'Author and moderators',
  })
  findings?: FindingsSummaryResponse | null;
  @ApiPropertyOptional({ example: 'waiting for a moderator', description: 'Held posts, for their author' })
  pending?: string;
}

export class ForumListResponse {
  @ApiProperty({ type: [ForumListItemResponse] }) items!: ForumListItemResponse[];
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class ForumPageResponse {
  @ApiProperty({ type: ForumResponse }) forum!: ForumResponse;
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class TopicPageResponse {
  @ApiProperty({ type: ForumResponse }) forum!: ForumResponse;
  @ApiProperty({ type: [TopicResponse], description: 'Pinned topics, on the first page only' })
  pinned!: TopicResponse[];
  @ApiProperty({ type: [TopicResponse] }) items!: TopicResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class TopicWithForumResponse {
  @ApiProperty({ type: TopicResponse }) topic!: TopicResponse;
  @ApiProperty({ type: ForumResponse }) forum!: ForumResponse;
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class PostPageResponse {
  @ApiProperty({ type: [PostResponse] }) items!: PostResponse[];
  @ApiProperty({ description: 'More posts beyond this page in the direction asked' }) hasMore!: boolean;
  @ApiProperty({ type: NoticeStateResponse }) notice!: NoticeStateResponse;
}

export class PublishedPostResponse {
  @ApiProperty({ type: TopicResponse }) topic!: TopicResponse;
  @ApiProperty({ type: PostResponse }) post!: PostResponse;
  @ApiProperty({ type: [MaskedSpanResponse], description: 'Spans the mask policy replaced; [] otherwise' })
  masked!: MaskedSpanResponse[];
}

export class ReadMarkResponse {
  @ApiProperty() lastReadSeq!: number;
  @ApiProperty() unreadCount!: number;
}

export class LikeStateResponse {
  @ApiProperty() postId!: string;
  @ApiProperty() liked!: boolean;
  @ApiProperty() likeCount!: number;
}

export class RevisionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() postId!: string;
  @ApiProperty() rev!: number;
  @ApiProperty({ type: String, nullable: true }) editorId!: string | null;
  @ApiProperty({ format: 'date-time' }) editedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: 'The Markdown before this edit' }) previousSource!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The title before this edit (first posts)' })
  previousTitle!: string | null;
}

export class RevisionsResponse {
  @ApiProperty({ type: [RevisionResponse] }) items!: RevisionResponse[];
}

export class SearchHitResponse {
  @ApiProperty() postId!: string;
  @ApiProperty() topicId!: string;
  @ApiProperty() topicTitle!: string;
  @ApiProperty() forumId!: string;
  @ApiProperty() forumSlug!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() authorName!: string;
  @ApiProperty({ description: 'Plain text from the rendered post, around the matched words' })
  excerpt!: string;
  @ApiProperty({
    description: '[start, end) offsets of the matched words in excerpt',
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
  })
  highlights!: Array<[number, number]>;
  @ApiProperty() likeCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SearchPageResponse {
  @ApiProperty({ type: [SearchHitResponse] }) items!: SearchHitResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'order=newest: pass as `before` for the next page',
  })
  nextBefore!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'order=relevance: pass as `offset` for the next page',
  })
  nextOffset!: number | null;
}
