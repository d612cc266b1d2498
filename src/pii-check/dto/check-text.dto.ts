import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class CheckTextDto {
  @ApiProperty({ description: 'Markdown source as the author typed it', maxLength: 20_000 })
  @IsString()
  @Length(0, 20_000)
  text!: string;

  @ApiPropertyOptional({
    description: 'Slug of the forum the text is for: applies its phone region and policy',
  })
  @IsOmittable()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'forum must be a forum slug' })
  forum?: string;
}
