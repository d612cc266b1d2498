import { parentPort } from 'node:worker_threads';
import { detect } from '../pii';
import type { ScanReply, ScanRequest } from './pii-scan-protocol';

/** Runs the detector for PiiScannerService off the main thread; one request at a time per worker. */
parentPort?.on('message', (request: ScanRequest) => {
  let reply: ScanReply;
  try {
    reply = { id: request.id, findings: detect(request.text, { defaultRegion: request.region }) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
