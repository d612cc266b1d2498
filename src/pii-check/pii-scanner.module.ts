import { Module } from '@nestjs/common';
import { PiiScannerService } from './pii-scanner.service';

/** The detector off the main thread, for the live check and the publish gate. */
@Module({
  providers: [PiiScannerService],
  exports: [PiiScannerService],
})
export class PiiScannerModule {}
