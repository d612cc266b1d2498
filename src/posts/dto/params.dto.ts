import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId, IsString, Matches } from 'class-validator';

export class ForumSlugParam {
  @ApiProperty({ example: 'acme-cloud' })
  @IsString()
  @Matches(/^[a-z0-9-]{1,50}$/)
  slug!: string;
}

export class TopicIdParam {
  @ApiProperty({ example: '665f1c2e9b1d4a0012345678' })
  @IsMongoId()
  id!: string;
}

export class PostIdParam {
  @ApiProperty({ example: '665f1c2e9b1d4a0012345679' })
  @IsMongoId()
  id!: string;
}
