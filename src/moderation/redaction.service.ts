import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import { NotificationDeliveryService } from '../notifications/notification-delivery.service';
import { detect, type Finding } from '../pii';
import { summarizeFindings } from '../publishing/pii-policy';
import { ActionRecorder } from './action-recorder.service';
import { ContentLifecycles } from './content-lifecycles';
import { targetOf } from './content-moderation.service';
import {
  replaceValues,
  type ContentLifecycle,
  type ModeratedContent,
  type RedactionChange,
} from '../content/content-lifecycle';
import { ModerationAccessService } from './moderation-access.service';
import {
  applySpans,
  labelFor,
  planSpans,
  SpanOutOfRange,
  type AppliedRedaction,
  type Span,
} from './redaction-plan';
import {
  copyPlaceView,
  PersonalDataCopies,
  type CopyPlace,
  type CopyPlaceView,
} from './personal-data-copies.service';
import { ReportRepository } from './report.repository';
import type { ReviewTargetType } from './review-item';

export interface RedactedCopy {
  kind: ReviewTargetType;
  id: string;
  counts: Record<string, number>;
}

export interface RedactionResult {
  content: ModeratedContent;
  counts: Record<string, number>;
  /** Where else the removed values stood (docs/moderation.md, "Removal follows every copy"). */
  copies: {
    /** Quotes of this item always, every other copy when asked (`everywhere`): redacted like it. */
    removed: RedactedCopy[];
    /** Copies left as they are (not quoting this item, `everywhere` not asked): the moderator may go on. */
    remaining: CopyPlaceView[];
    /** Copies in places this moderator may not act on: counted only. */
    outOfReach: number;
  };
}

/**
 * Removes personal information from a post or board message, thoroughly: the current text, the title, every
 * stored revision, the HTML, the findings summary and the search copy (through the adapter, which also emits
 * `*.redacted` so every viewer is told), then the side stores that quote content (notification excerpts,
 * report notes); then it follows the removed values into their copies (the copy index): quotes of the item
 * always, every other post and board message holding them when the moderator asks. Each item gets its own
 * audit entry with types and counts only.
 */
@Injectable()
export class RedactionService {
  constructor(
    private readonly adapters: ContentLifecycles,
    private readonly access: ModerationAccessService,
    private readonly recorder: ActionRecorder,
    private readonly forums: ForumsService,
    private readonly notifications: NotificationDeliveryService,
    private readonly reports: ReportRepository,
    private readonly copies: PersonalDataCopies,
  ) {}

  /**
   * `spans` omitted: everything the detector finds, here and in older revisions; given: exactly those.
   * `everywhere`: also from every copy of the removed values the moderator may act on.
   */
  async removePersonalInfo(
    user: AuthUser,
    kind: ReviewTargetType,
    id: string,
    spans?: Span[],
    reason?: string,
    everywhere = false,
  ): Promise<RedactionResult> {
    const { adapter, content } = await this.adapters.require(kind, id);
    await this.access.assertMayActOn(user, content);
    const forum = await this.forums.findById(content.forumId);
    const region = forum?.phoneRegion;
    const applied = this.plan(content.source, region, spans);
    if (!spans) {
      const older = [
        content.title ?? '',
        ...parkedTexts(content),
        ...(await adapter.revisionTexts(content.id)),
      ];
      addDetectedValues(applied, older, region);
    }
    if (applied.replacements.length === 0) {
      throw new AppError(
        'nothing_detected',
        'No personal information was detected: select the span to remove',
      );
    }
    const removedKeys = await this.copies.keysOfValues(
      applied.replacements.map(({ value }) => value),
      content.forumId,
    );
    const redacted = await this.commit(user, adapter, content, applied, reason);
    const copies = await this.followCopies(user, content, removedKeys, everywhere, reason);
    return { content: redacted, counts: applied.counts as Record<string, number>, copies };
  }

  private async commit(
    user: AuthUser,
    adapter: ContentLifecycle,
    content: ModeratedContent,
    applied: AppliedRedaction,
    reason: string | undefined,
  ): Promise<ModeratedContent> {
    const forum = await this.forums.findById(content.forumId);
    // Longest first, so a value that contains another is replaced whole.
    applied.replacements.sort((a, b) => b.value.length - a.value.length);
    const remaining = detect(applied.text, { defaultRegion: forum?.phoneRegion });
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
    return redacted;
  }

  private async followCopies(
    user: AuthUser,
    origin: ModeratedContent,
    valueKeys: string[],
    everywhere: boolean,
    reason: string | undefined,
  ): Promise<RedactionResult['copies']> {
    const result: RedactionResult['copies'] = { removed: [], remaining: [], outOfReach: 0 };
    const what = origin.kind === 'post' ? 'post' : 'board message';
    const copyReason = reason ?? `The same personal information was removed from another ${what}`;
    for (const place of await this.copies.placesHolding(valueKeys, origin.id)) {
      if (!(await this.copies.mayActOn(user, place.content))) {
        result.outOfReach += 1;
        continue;
      }
      if (!everywhere && !place.content.quotedIds.includes(origin.id)) {
        result.remaining.push(copyPlaceView(place, origin.id));
        continue;
      }
      const applied = await this.planCopy(place);
      if (applied.replacements.length === 0) continue;
      await this.commit(user, place.adapter, place.content, applied, copyReason);
      const { kind, id } = place.content;
      result.removed.push({ kind, id, counts: applied.counts as Record<string, number> });
    }
    return result;
  }

  /** In a copy, exactly the findings that are one of the removed values: in its text, title and revisions. */
  private async planCopy({ adapter, content, valueKeys }: CopyPlace): Promise<AppliedRedaction> {
    const matching = (text: string) => this.copies.findingsMatching(text, content.forumId, valueKeys);
    const applied = applySpans(content.source, planSpans(content.source, await matching(content.source)));
    const known = new Set(applied.replacements.map((r) => r.value));
    const older = [
      content.title ?? '',
      ...parkedTexts(content),
      ...(await adapter.revisionTexts(content.id)),
    ];
    for (const text of older) {
      for (const finding of await matching(text)) addValue(applied, known, finding);
    }
    return applied;
  }

  private plan(source: string, region: string | undefined, spans?: Span[]): AppliedRedaction {
    const detected = detect(source, { defaultRegion: region });
    let planned;
    try {
      planned = planSpans(source, detected, spans);
    } catch (error) {
      if (error instanceof SpanOutOfRange) throw new AppError('span_out_of_range', error.message);
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

function parkedTexts(content: ModeratedContent): string[] {
  return content.pendingEdit ? [content.pendingEdit.source, content.pendingEdit.title ?? ''] : [];
}

function addValue(applied: AppliedRedaction, known: Set<string>, finding: Finding): void {
  if (known.has(finding.text)) return;
  known.add(finding.text);
  applied.replacements.push({ value: finding.text, label: labelFor(finding.type) });
  applied.counts[finding.type] = (applied.counts[finding.type] ?? 0) + 1;
}

/** Values found only in the title or an older revision are removed as well, and counted. */
function addDetectedValues(applied: AppliedRedaction, texts: string[], region: string | undefined): void {
  const known = new Set(applied.replacements.map((r) => r.value));
  for (const text of texts) {
    for (const finding of detect(text, { defaultRegion: region })) addValue(applied, known, finding);
  }
}
