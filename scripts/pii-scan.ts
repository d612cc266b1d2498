/**
 * `npm run pii:scan`: reads JSON lines `{"id", "text", "region"?}` on stdin and writes one line
 * `{"id", "findings": [{type, start, end, text, normalized, rule}]}` per input line on stdout.
 * Malformed input (bad JSON, missing id or text) stops the scan with exit code 1 and a message on
 * stderr naming the line; lines before it have already been answered.
 */
import { createInterface } from 'node:readline';
import { detect } from '../src/pii';

interface ScanRequest {
  id: string | number;
  text: string;
  region?: string;
}

function parseRequest(line: string, lineNumber: number): ScanRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`line ${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`line ${lineNumber}: expected a JSON object with "id" and "text"`);
  }
  const { id, text, region } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new Error(`line ${lineNumber}: missing "id" (string or number)`);
  if (typeof text !== 'string') throw new Error(`line ${lineNumber}: missing "text" (string)`);
  if (region !== undefined && (typeof region !== 'string' || !/^[A-Za-z]{2}$/.test(region))) {
    throw new Error(`line ${lineNumber}: "region" must be a two-letter ISO 3166 code`);
  }
  return { id, text, region };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    let request: ScanRequest;
    try {
      request = parseRequest(line, lineNumber);
    } catch (error) {
      process.stderr.write(`pii-scan: ${(error as Error).message}\n`);
      process.exitCode = 1;
      lines.close();
      return;
    }
    const findings = detect(request.text, { defaultRegion: request.region }).map(
      ({ type, start, end, text, normalized, rule }) => ({ type, start, end, text, normalized, rule }),
    );
    process.stdout.write(`${JSON.stringify({ id: request.id, findings })}\n`);
  }
}

void main();
