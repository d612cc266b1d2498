import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class MarkTopicReadDto {
  @ApiProperty({ example: 12, description: 'The highest sequence number the reader has seen' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  seq!: number;
}
