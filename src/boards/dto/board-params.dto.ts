import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsMongoId, IsString, Length, Min } from 'class-validator';
import { PageLimit, SeqCursor } from '../../infra/http/page-query';

export class BoardSlugParam {
  @ApiProperty({ example: 'acme-2-4-launch' })
  @IsString()
  @Length(1, 50)
  slug!: string;
}

export class BoardMessageParam extends BoardSlugParam {
  @ApiProperty({ description: 'Message id' })
  @IsMongoId()
  id!: string;
}

export class MessagePageQueryDto {
  @SeqCursor(1, 'Messages with a seq lower than this, newest first page (returned ascending)')
  before?: number;

  @SeqCursor(0, 'Messages with a seq greater than this, ascending')
  after?: number;

  @PageLimit(50)
  limit?: number;
}

export class MarkReadDto {
  @ApiProperty({ example: 42, description: 'The newest message seq the member has seen' })
  @IsInt()
  @Min(0)
  seq!: number;
}
