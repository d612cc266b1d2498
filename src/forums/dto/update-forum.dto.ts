import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { CreateForumDto } from './create-forum.dto';
import { IsOmittable } from '../../infra/http/is-omittable';

export class UpdateForumDto extends PartialType(OmitType(CreateForumDto, ['slug'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ description: 'Archived forums leave the list and accept no new posts' })
  @IsOmittable()
  @IsBoolean()
  archived?: boolean;
}
