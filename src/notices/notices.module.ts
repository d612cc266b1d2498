import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { NoticeRepository } from './notice.repository';
import { NoticeRecord, NoticeSchema } from './notice.schema';
import { NoticeSeeder } from './notice-seeder';
import { NoticeStateService } from './notice-state.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/**
 * The public-area disclosure notice and the privacy statement (versioned), and users' acknowledgements of it.
 * Exports NoticeStateService so that every public-area response can carry `notice: { version, acknowledged }`.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: NoticeRecord.name, schema: NoticeSchema }]),
    // Acknowledgements live on the user's account: one store, exported and erased with it.
    UsersModule,
  ],
  controllers: [NoticesController],
  providers: [NoticeRepository, NoticeStateService, NoticesService, NoticeSeeder],
  exports: [NoticeStateService, NoticesService],
})
export class NoticesModule {}
