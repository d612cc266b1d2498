import { Global, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { lockWritesOnFerretDb } from './ferretdb-write-locks';
import { UniqueClaims } from './unique-claims';

export function mongooseOptions(config: AppConfig) {
  const w = config.MONGODB_WRITE_CONCERN === 'majority' ? 'majority' : Number(config.MONGODB_WRITE_CONCERN);
  return {
    uri: config.MONGODB_URI,
    dbName: config.MONGODB_DB_NAME,
    // Fail fast instead of buffering: a request must get a 503 within MONGODB_TIMEOUT_MS, never hang.
    bufferCommands: false,
    serverSelectionTimeoutMS: config.MONGODB_TIMEOUT_MS,
    socketTimeoutMS: config.MONGODB_TIMEOUT_MS * 6,
    writeConcern: { w, journal: true },
    retryAttempts: 0,
  } as const;
}

/** Unique indexes carry invariants (one like per user, idempotent clientId), so they exist before traffic. */
@Injectable()
export class IndexBuilder implements OnApplicationBootstrap {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(Object.values(this.connection.models).map((model) => model.init()));
  }
}

@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // Mongoose otherwise captures and formats a stack trace on every query, for its "Query was already
        // executed" message: about 3% of the server's CPU under load (bench:http profile, docs/benchmarks.md).
        mongoose.set('skipOriginalStackTraces', true);
        return { ...mongooseOptions(config), connectionFactory: lockWritesOnFerretDb };
      },
    }),
  ],
  providers: [IndexBuilder, UniqueClaims],
  exports: [UniqueClaims],
})
export class DatabaseModule {}
