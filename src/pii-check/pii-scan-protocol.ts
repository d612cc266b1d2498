import type { Finding } from '../pii';

/** What PiiScannerService sends to a scan worker and what it answers. */
export interface ScanRequest {
  id: number;
  text: string;
  region: string;
}

export type ScanReply = { id: number; findings: Finding[] } | { id: number; error: string };
