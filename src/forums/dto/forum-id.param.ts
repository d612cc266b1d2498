import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';

export class ForumIdParam {
  @ApiProperty()
  @IsMongoId()
  id!: string;
}
