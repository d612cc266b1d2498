import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PublishNoticeDto {
  @ApiProperty({ description: 'The new version, in Markdown', minLength: 20, maxLength: 20_000 })
  @IsString()
  @Length(20, 20_000)
  text!: string;
}
