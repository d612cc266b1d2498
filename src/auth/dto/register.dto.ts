import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,30}$/;
export const USERNAME_RULE = 'must be 3 to 30 letters, digits, _ or -';

export class RegisterDto {
  @ApiProperty({ example: 'ada_l', description: '3 to 30 letters, digits, _ or -; unique ignoring case' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: `username ${USERNAME_RULE}` })
  username!: string;

  @ApiProperty({ example: 'ada@example.com', description: 'Unique after trimming and lower-casing' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @Length(8, 200)
  password!: string;

  @ApiPropertyOptional({ description: 'Mail me the periodic summary of popular topics (off unless true)' })
  @IsOmittable()
  @IsBoolean()
  digest?: boolean;

  @ApiPropertyOptional({ description: 'Shown next to posts; defaults to the username' })
  @IsOmittable()
  @IsString()
  @Length(1, 50)
  displayName?: string;
}
