import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export const BODY_MAX = 20_000;

export class CreateTopicDto {
  @ApiProperty({ example: 'Sync stops after the 2.3 update', minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  @Matches(/^[^\r\n]*$/, { message: 'title must be a single line' })
  title!: string;

  @ApiProperty({
    example: 'Since updating to **2.3** the desktop client stops syncing after a few minutes. Anyone else?',
    description: 'Markdown; the first post of the topic',
    maxLength: BODY_MAX,
  })
  @IsString()
  @Length(1, BODY_MAX)
  body!: string;

  @ApiPropertyOptional({ example: ['sync', 'desktop'], type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,30}$/, { each: true, message: 'tags are lower-case words with dashes' })
  tags?: string[];

  @ApiPropertyOptional({
    example: '3f0b0f7e-6a53-4a7e-9d6f-1f1c2b3a4d5e',
    description: 'Client-generated UUID: repeating the request returns the topic already created',
  })
  @IsOmittable()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({
    description:
      'The findingsDigest from a 422 personal_data_detected answer, to publish anyway. For a new topic the ' +
      'findings are located in "title + two line breaks + body".',
  })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  acknowledgePersonalData?: string;
}
