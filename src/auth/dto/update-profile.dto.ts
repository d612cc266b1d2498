import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class UpdateProfileDto {
  @ApiPropertyOptional({ description: 'Shown next to posts' })
  @IsOmittable()
  @IsString()
  @Length(1, 50)
  displayName?: string;

  @ApiPropertyOptional({ description: 'Unique after trimming and lower-casing' })
  @IsOmittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
}
