import { EXTERNAL_IMAGE_MODES } from '../../infra/rendering/external-images';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PII_POLICIES } from '../../publishing/dto/findings.responses';

/** A forum as readers see it. */
export class ForumResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'acme-cloud' }) slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() productName!: string;
  @ApiProperty() description!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: ['public', 'members'] }) visibility!: string;
  @ApiProperty({ enum: PII_POLICIES }) piiPolicy!: string;
  @ApiProperty({ example: 'US', description: 'Region for national phone numbers' }) phoneRegion!: string;
  @ApiProperty({ enum: EXTERNAL_IMAGE_MODES, description: "Other hosts' images: proxied, or links only" })
  externalImages!: string;
  @ApiProperty({ type: [String] }) moderatorIds!: string[];
  @ApiProperty() topicCount!: number;
  @ApiProperty() postCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt!: string | null;
  @ApiProperty() archived!: boolean;
}

/** What the admin routes answer: the forum with its creation time. */
export class ForumRecordResponse extends ForumResponse {
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ForumListItemResponse extends ForumResponse {
  @ApiPropertyOptional({ description: 'Signed-in readers: topics with posts after their read mark' })
  unreadTopicCount?: number;
}
