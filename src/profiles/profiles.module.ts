import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

/** Members' public pages (GET /api/profiles/:username). */
@Module({
  imports: [UsersModule, ForumsModule, PostsModule],
  controllers: [ProfilesController],
  providers: [ProfilesService],
})
export class ProfilesModule {}
