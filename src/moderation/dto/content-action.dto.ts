import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsMongoId,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

/** `/api/moderation/posts/:id/...` or `/api/moderation/messages/:id/...` */
export class ContentParams {
  @ApiProperty({ enum: ['posts', 'messages'] }) @IsIn(['posts', 'messages']) kind!: 'posts' | 'messages';
  @ApiProperty() @IsMongoId() id!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Shown to the author in their notification' })
  @IsOmittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ maxLength: 500, description: 'Shown to the author in their notification' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class EditContentDto extends RequiredReasonDto {
  @ApiProperty({ description: 'The new Markdown source', maxLength: 20000 })
  @IsString()
  @Length(1, 20000)
  source!: string;
}

export class SpanDto {
  @ApiProperty({ description: 'UTF-16 offset into the current source' })
  @IsInt()
  @Min(0)
  @Max(100000)
  start!: number;
  @ApiProperty({ description: 'Exclusive end offset' }) @IsInt() @Min(1) @Max(100000) end!: number;
}

/** `reason`: told to the author and kept in the audit entry (never the removed values). */
export class RemovePersonalInfoDto extends OptionalReasonDto {
  @ApiPropertyOptional({
    type: [SpanDto],
    description:
      'Spans of the current source to remove (detected ones, or any the detector missed). ' +
      'Omitted: everything the detector finds, in the text and in every earlier revision.',
  })
  @IsOmittable()
  @ValidateNested({ each: true })
  @Type(() => SpanDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  spans?: SpanDto[];

  @ApiPropertyOptional({
    description:
      'Also remove the same values from every other post and board message that holds them and that you may ' +
      'moderate (quotes of this item are always followed). See GET …/copies first.',
  })
  @IsOmittable()
  @IsBoolean()
  everywhere?: boolean;
}

export class TopicParams {
  @ApiProperty() @IsMongoId() id!: string;
}

export class MoveTopicDto extends OptionalReasonDto {
  @ApiProperty({ description: 'Id of the forum to move the topic to' }) @IsMongoId() forumId!: string;
}
