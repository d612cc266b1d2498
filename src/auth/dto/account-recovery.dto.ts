import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'ada@example.com', description: 'The address of the account' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @ApiProperty({
    minLength: 8,
    maxLength: 200,
    description: 'Refused when easy to guess (the reason is given)',
  })
  @IsString()
  @Length(8, 200)
  password!: string;
}

export class ConfirmEmailDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @Length(1, 200)
  token!: string;
}
