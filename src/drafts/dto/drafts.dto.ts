import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';
import { DRAFT_KINDS, type DraftKind } from '../draft';

export class DraftPlaceParam {
  @ApiProperty({ enum: DRAFT_KINDS, description: 'topic: a reply; board: a message; new-topic: in a forum' })
  @IsIn(DRAFT_KINDS)
  kind!: DraftKind;

  @ApiProperty({ description: 'The topic id, the board slug or the forum slug', example: 'acme-cloud' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ref must be an id or a slug' })
  ref!: string;
}

export class SaveDraftDto {
  @ApiProperty({ description: 'The Markdown typed so far ("" with an empty title discards the draft)' })
  @IsString()
  @MaxLength(20_000)
  body!: string;

  @ApiPropertyOptional({ description: 'A new topic’s title' })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'The seq of the post or message answered' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  replyTo?: number;
}

export class DraftResponse {
  @ApiProperty({ enum: DRAFT_KINDS }) kind!: string;
  @ApiProperty() ref!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: '"" unless a new topic' }) title!: string;
  @ApiProperty({ type: Number, nullable: true }) replyTo!: number | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DraftAnswerResponse {
  @ApiProperty({ type: DraftResponse, nullable: true, description: 'null: no draft here' })
  draft!: DraftResponse | null;
}
