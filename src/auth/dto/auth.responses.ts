import { ApiProperty } from '@nestjs/swagger';
import { AccountResponse } from '../../users/dto/user.responses';

/** Register, sign in and refresh: the account and an access token (the cookies are set too). */
export class SignedInResponse {
  @ApiProperty({ type: AccountResponse }) user!: AccountResponse;
  @ApiProperty({ description: 'HS256 JWT for `Authorization: Bearer`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}
