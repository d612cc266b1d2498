import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsMongoId, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../infra/http/is-omittable';

export class UserParams {
  @ApiProperty() @IsMongoId() id!: string;
}

export class RestrictUserDto {
  @ApiPropertyOptional({
    description: 'ISO time in the future; omitted: until lifted',
    example: '2030-01-01T00:00:00Z',
  })
  @IsOmittable()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiProperty({ maxLength: 500, description: 'Shown to the user' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class LiftRestrictionDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) reason!: string;
}
