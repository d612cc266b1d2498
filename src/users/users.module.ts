import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AdminContentPolicy } from './admin-content.policy';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { UserAccountsService } from './user-accounts.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { UserRepository } from './user.repository';
import { UserRecord, UserSchema } from './user.schema';
import { UsersService } from './users.service';

/**
 * Users and their roles, status and preferences. Imports nothing of ours but the global audit log and events,
 * so any feature module can import it (posts for author names, notifications for preferences) without cycles.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: UserRecord.name, schema: UserSchema }])],
  controllers: [AdminUsersController, PeopleController],
  providers: [
    UserRepository,
    UsersService,
    UserAccountsService,
    AdminUsersService,
    AdminContentPolicy,
    PeopleService,
  ],
  exports: [UsersService, UserAccountsService, AdminContentPolicy],
})
export class UsersModule {}
