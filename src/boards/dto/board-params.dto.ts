import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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
  @ApiPropertyOptional({
    description: 'Messages with a seq lower than this, newest first page (returned ascending)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ description: 'Messages with a seq greater than this, ascending' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MarkReadDto {
  @ApiProperty({ example: 42, description: 'The newest message seq the member has seen' })
  @IsInt()
  @Min(0)
  seq!: number;
}
