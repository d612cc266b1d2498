import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';

export class MarkSolutionDto {
  @ApiProperty({ description: 'The reply that answers the topic' })
  @IsMongoId()
  postId!: string;
}
