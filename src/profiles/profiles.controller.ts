import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '../auth/access-policy';
import { ProfileResponse, UsernameParam } from './dto/profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('users')
@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':username')
  @Public()
  @ApiOperation({
    summary: 'A member’s profile: names, joined, post count and recent posts the viewer may read',
  })
  @ApiOkResponse({ type: ProfileResponse })
  profile(@CurrentUser() user: AuthUser | undefined, @Param() { username }: UsernameParam) {
    return this.profiles.profile(user, username);
  }
}
