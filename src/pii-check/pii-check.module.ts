import { Module } from '@nestjs/common';
import { PiiCheckController } from './pii-check.controller';
import { PiiCheckService } from './pii-check.service';

/** `POST /api/pii/check`: the server-side live check. Separate from publishing so it can read forums. */
@Module({
  controllers: [PiiCheckController],
  providers: [PiiCheckService],
})
export class PiiCheckModule {}
