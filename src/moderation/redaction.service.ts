import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import { NotificationDeliveryService } from '../notifications/notification-delivery.service';
import { detect } from '../pii';
import { summarizeFindings } from '../publishing/pii-policy';
import { ActionRecorder } from './action-recorder.service';
import { ContentAdapters } from './content-adapters';
import { targetOf } from './content-moderation.service';
import type { ModeratedContent, RedactionChange } from './moderated-content';
import { ModerationAccessService } from './moderation-access.service';
import {
  applySpans,
  labelFor,
  planSpans,
  replaceValues,
  SpanOutOfRange,
  type AppliedRedaction,
  type Span,
} from './redaction-plan';
import { ReportRepository } from './report.repository';
import type { ReviewTargetType } from './review-item';

export interface RedactionResult {
  content: ModeratedContent;
  counts: Record<string, number>;
}

/**
 * Removes personal information from a post or board message, thoroughly: the current text, the title, every
 * stored revision, the HTML, the findings summary and the search copy (through the adapter, which also emits
 * `*.redacted` so the broadcaster rewrites its replay log and tells every viewer), then the side stores that
 * quote content (notification excerpts, report notes). The audit entry records types and counts only.
 */
@Injectable()
export class RedactionService {
  constructor(
    private readonly adapters: ContentAdapters,
    private readonly access: ModerationAccessService,
    private readonly recorder: ActionRecorder,
    private readonly forums: ForumsService,
    private readonly notifications: NotificationDeliveryService,
    private readonly reports: ReportRepository,
  ) {}

  /** `spans` omitted: everything the detector finds, here and in older revisions; given: exactly those. */
  async removePersonalInfo(
    user: AuthUser,
    kind: ReviewTargetType,
    id: string,
    spans?: Span[],
    reason?: string,
  ): Promise<RedactionResult> {
    const { adapter, content } = await this.adapters.require(kind, id);
    await this.access.assertMayActOn(user, content);
    const forum = await this.forums.findById(content.forumId);
    const region = forum?.phoneRegion;
    const applied = this.plan(content.source, region, spans);
    if (!spans) {
      const parked = content.pendingEdit ? [content.pendingEdit.source, content.pendingEdit.title ?? ''] : [];
      const older = [content.title ?? '', ...parked, ...(await adapter.revisionTexts(content.id))];
      addDetectedValues(applied, older, region);
    }
    if (applied.replacements.length === 0) {
      throw new AppError('bad_request', 'No personal information was detected: select the span to remove');
    }
    // Longest first, so a value that contains another is replaced whole.
    applied.replacements.sort((a, b) => b.value.length - a.value.length);
    const remaining = detect(applied.text, { defaultRegion: region });
    const policy = content.findings?.policy ?? forum?.piiPolicy ?? 'warn';
    const change: RedactionChange = {
      source: applied.text,
      title: content.title === null ? null : replaceValues(content.title, applied.replacements),
      findings: remaining.length > 0 ? summarizeFindings(remaining, true, policy) : null,
      replacements: applied.replacements,
      counts: applied.counts as Record<string, number>,
    };
    const { content: redacted } = await adapter.redact(content, change);
    await this.scrubSideStores(content, change);
    await this.recorder.record(user, 'redact', targetOf(content), { counts: change.counts, reason });
    return { content: redacted, counts: change.counts };
  }

  private plan(source: string, region: string | undefined, spans?: Span[]): AppliedRedaction {
    const detected = detect(source, { defaultRegion: region });
    let planned;
    try {
      planned = planSpans(source, detected, spans);
    } catch (error) {
      if (error instanceof SpanOutOfRange) throw new AppError('bad_request', error.message);
      throw error;
    }
    return applySpans(source, planned);
  }

  private async scrubSideStores(content: ModeratedContent, change: RedactionChange): Promise<void> {
    const link = content.kind === 'post' ? { postId: content.id } : { messageId: content.id };
    await this.notifications.scrubContent(link, change.source, change.replacements);
    for (const { value, label } of change.replacements) await this.reports.replaceInNotes(value, label);
  }
}

/** Values found only in the title or an older revision are removed as well, and counted. */
function addDetectedValues(applied: AppliedRedaction, texts: string[], region: string | undefined): void {
  const known = new Set(applied.replacements.map((r) => r.value));
  for (const text of texts) {
    for (const finding of detect(text, { defaultRegion: region })) {
      if (known.has(finding.text)) continue;
      known.add(finding.text);
      applied.replacements.push({ value: finding.text, label: labelFor(finding.type) });
      applied.counts[finding.type] = (applied.counts[finding.type] ?? 0) + 1;
    }
  }
}
