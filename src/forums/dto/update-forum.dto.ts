import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateForumDto } from './create-forum.dto';

export class UpdateForumDto extends PartialType(OmitType(CreateForumDto, ['slug'] as const)) {
  @ApiPropertyOptional({ description: 'Archived forums leave the list and accept no new posts' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
