import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { PiiCheckController } from './pii-check.controller';
import { PiiCheckService } from './pii-check.service';
import { PiiScannerModule } from './pii-scanner.module';

/** `POST /api/pii/check`: the server-side live check. Separate from publishing so it can read forums. */
@Module({
  imports: [ForumsModule, PiiScannerModule],
  controllers: [PiiCheckController],
  providers: [PiiCheckService],
  exports: [PiiScannerModule],
})
export class PiiCheckModule {}
