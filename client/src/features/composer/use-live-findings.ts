import type { Finding } from '@pii';
import { useEffect, useState } from 'react';

type Detect = (text: string, options?: { defaultRegion?: string }) => Finding[];
let detector: Promise<Detect> | null = null;

/**
 * The shared detector (src/pii) is loaded when a composer first opens, not with the reading pages: with
 * libphonenumber's `max` metadata it is most of the bundle (see docs/benchmarks.md, "Web client bundle").
 */
export function loadDetector(): Promise<Detect> {
  detector ??= import('@pii').then((module) => module.detect);
  return detector;
}

export const DETECT_DELAY_MS = 350;

/** Runs the detector locally once the author pauses typing: no request per keystroke, nothing sent anywhere. */
export function useLiveFindings(
  text: string,
  region: string | undefined,
): { findings: Finding[]; checking: boolean } {
  const [result, setResult] = useState<{ text: string; findings: Finding[] }>({ text: '', findings: [] });
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void loadDetector().then((detect) => {
        if (live) setResult({ text, findings: text.trim() ? detect(text, { defaultRegion: region }) : [] });
      });
    }, DETECT_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, region]);
  // Offsets of an older text would underline the wrong characters: show nothing stale beyond what still fits.
  const findings =
    result.text === text
      ? result.findings
      : result.findings.filter((f) => text.slice(f.start, f.end) === f.text);
  return { findings, checking: result.text !== text };
}

/** Detects right now (before sending), so a fast typist cannot beat the debounce. */
export async function detectNow(text: string, region: string | undefined): Promise<Finding[]> {
  const detect = await loadDetector();
  return text.trim() ? detect(text, { defaultRegion: region }) : [];
}
