import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { PiiCheckController } from './pii-check.controller';
import { PiiCheckService } from './pii-check.service';

/** `POST /api/pii/check`: the server-side live check. Separate from publishing so it can read forums. */
@Module({
  imports: [ForumsModule],
  controllers: [PiiCheckController],
  providers: [PiiCheckService],
})
export class PiiCheckModule {}
