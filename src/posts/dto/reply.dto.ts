import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { BODY_MAX } from './create-topic.dto';
import { IsOmittable } from '../../infra/http/is-omittable';

export class ReplyDto {
  @ApiProperty({
    example: '> @ann wrote (#1):\n> the desktop client stops syncing\n\nSame here, @bob: restarting helps.',
    description: 'Markdown. Quote a post with a blockquote starting "> @user wrote (#seq):"',
    maxLength: BODY_MAX,
  })
  @IsString()
  @Length(1, BODY_MAX)
  body!: string;

  @ApiPropertyOptional({ example: 1, description: 'Sequence number of the post answered' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  replyTo?: number;

  @ApiPropertyOptional({ example: '0b9c6d3e-1c53-4d7e-8a6f-2f1c2b3a4d5f', description: 'Idempotency key' })
  @IsOmittable()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ description: 'The findingsDigest of an earlier 422, to publish anyway' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  acknowledgePersonalData?: string;
}
