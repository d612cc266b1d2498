import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

/** Board messages are short; long texts belong in a forum topic. */
export const MESSAGE_MAX = 4000;

export class SendMessageDto {
  @ApiProperty({ example: 'Does **2.4** fix the sync bug?', maxLength: MESSAGE_MAX, description: 'Markdown' })
  @IsString()
  @Length(1, MESSAGE_MAX)
  body!: string;

  @ApiPropertyOptional({ example: 12, description: 'The seq of the message this one answers' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  replyTo?: number;

  @ApiPropertyOptional({
    description: 'Client-generated UUID: a retried send returns the message already stored',
  })
  @IsOmittable()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ description: 'The findingsDigest from a 422 personal_data_detected answer' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  acknowledgePersonalData?: string;
}

export class EditMessageDto {
  @ApiProperty({ example: 'Does **2.4.1** fix the sync bug?', maxLength: MESSAGE_MAX })
  @IsString()
  @Length(1, MESSAGE_MAX)
  body!: string;

  @ApiPropertyOptional({ description: 'The findingsDigest from a 422 personal_data_detected answer' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  acknowledgePersonalData?: string;
}
