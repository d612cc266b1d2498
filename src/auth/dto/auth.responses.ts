import { ApiProperty } from '@nestjs/swagger';
import { AccountResponse } from '../../users/dto/user.responses';

/** Register, sign in and refresh: the account and an access token (the cookies are set too). */
export class SignedInResponse {
  @ApiProperty({ type: AccountResponse }) user!: AccountResponse;
  @ApiProperty({ description: 'HS256 JWT for `Authorization: Bearer`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}

/** "Forgot password": the same answer whether or not the address has an account. */
export class PasswordResetRequestedResponse {
  @ApiProperty({ example: 'If an account uses this address, a reset link is on its way.' }) message!: string;
}
