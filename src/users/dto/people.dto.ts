import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class MentionableQuery {
  @ApiProperty({
    description: 'The start of a username, as typed after @ (1 to 32 characters)',
    example: 'an',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { message: 'q must be the start of a username' })
  q!: string;
}

export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
}

export class PeopleResponse {
  @ApiProperty({ type: [PersonResponse] }) items!: PersonResponse[];
}
