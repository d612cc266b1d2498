import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { BODY_MAX } from './create-topic.dto';
import { IsOmittable } from '../../infra/http/is-omittable';

export class EditPostDto {
  @ApiPropertyOptional({ example: 'Fixed: it was the proxy settings.', maxLength: BODY_MAX })
  @IsOmittable()
  @IsString()
  @Length(1, BODY_MAX)
  body?: string;

  @ApiPropertyOptional({
    example: 'Sync stops after the 2.3 update [solved]',
    description: 'First post only',
  })
  @IsOmittable()
  @IsString()
  @Length(3, 200)
  @Matches(/^[^\r\n]*$/, { message: 'title must be a single line' })
  title?: string;

  @ApiPropertyOptional({ example: 'typo', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  reason?: string;

  @ApiPropertyOptional({ description: 'The findingsDigest of an earlier 422, to publish anyway' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  acknowledgePersonalData?: string;
}
