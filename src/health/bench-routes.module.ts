import { Module } from '@nestjs/common';
import { HelloController } from './hello.controller';

/** Routes for `npm run bench:http`; AppModule imports this only when BENCH_ROUTES is true. */
@Module({ controllers: [HelloController] })
export class BenchRoutesModule {}
