import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { MailAccountCleanupListener } from './mail-account-cleanup.listener';
import { MailQueue } from './mail-queue.service';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';
import { OutgoingMailRepository } from './outgoing-mail.repository';
import { OutgoingMailRecord, OutgoingMailSchema } from './outgoing-mail.schema';

/** Outgoing mail: the queue (a document per mail), its sender on the outbox worker, and SMTP. Global: any
 * feature queues mail through MailQueue without importing this module. */
@Global()
@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([{ name: OutgoingMailRecord.name, schema: OutgoingMailSchema }]),
  ],
  providers: [OutgoingMailRepository, MailQueue, MailSender, MailTransport, MailAccountCleanupListener],
  exports: [MailQueue],
})
export class MailModule {}
