import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ForumAdminService } from './forum-admin.service';
import { ForumRepository } from './forum.repository';
import { ForumRecord, ForumSchema } from './forum.schema';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';

/** Product forums. Exports ForumsService (findBySlug, findById) for posts, boards and moderation. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ForumRecord.name, schema: ForumSchema }])],
  controllers: [ForumsController],
  providers: [ForumRepository, ForumsService, ForumAdminService],
  exports: [ForumsService],
})
export class ForumsModule {}
