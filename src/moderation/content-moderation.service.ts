import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import { detect } from '../pii';
import { summarizeFindings } from '../publishing/pii-policy';
import { ActionRecorder, type ActionTarget } from './action-recorder.service';
import { ContentLifecycles } from './content-lifecycles';
import type { ContentLifecycle, ModeratedContent } from '../content/content-lifecycle';
import { ModerationAccessService } from './moderation-access.service';
import type { ReviewTargetType } from './review-item';

type Loaded = { adapter: ContentLifecycle; content: ModeratedContent };

const notInState = (what: string) => new AppError('state_changed', `This item is not ${what}`);

/**
 * Moderators' decisions on a post or board message: approve or reject a held item, hide and unhide, edit
 * with a reason, delete, dismiss reports. Each one: access check → change (with its live event) → record.
 */
@Injectable()
export class ContentModerationService {
  constructor(
    private readonly adapters: ContentLifecycles,
    private readonly access: ModerationAccessService,
    private readonly recorder: ActionRecorder,
    private readonly forums: ForumsService,
  ) {}

  /** A held item is published; on a published item, the edit waiting for review becomes its text. */
  async approve(
    user: AuthUser,
    kind: ReviewTargetType,
    id: string,
    reason?: string,
  ): Promise<ModeratedContent> {
    const { adapter, content } = await this.load(user, kind, id);
    const parked = content.status !== 'held' && content.pendingEdit !== null;
    if (content.status !== 'held' && !parked) throw notInState('waiting for approval');
    const approved = parked ? await adapter.settlePendingEdit(content, true) : await adapter.approve(content);
    await this.recorder.record(user, 'approve', targetOf(content), { reason });
    return approved;
  }

  /** A held item is removed; on a published item, only the edit waiting for review is dropped. */
  async reject(
    user: AuthUser,
    kind: ReviewTargetType,
    id: string,
    reason: string,
  ): Promise<ModeratedContent> {
    const { adapter, content } = await this.adapters.require(kind, id);
    if (content.status === 'held' || content.pendingEdit === null) {
      return this.changeStatus(user, kind, id, { action: 'reject', to: 'removed', from: ['held'], reason });
    }
    await this.access.assertMayActOn(user, content);
    const kept = await adapter.settlePendingEdit(content, false);
    await this.recorder.record(user, 'reject', targetOf(content), { reason });
    return kept;
  }

  hide(user: AuthUser, kind: ReviewTargetType, id: string, reason?: string): Promise<ModeratedContent> {
    return this.changeStatus(user, kind, id, { action: 'hide', to: 'hidden', from: ['visible'], reason });
  }

  unhide(user: AuthUser, kind: ReviewTargetType, id: string, reason?: string): Promise<ModeratedContent> {
    return this.changeStatus(user, kind, id, { action: 'unhide', to: 'visible', from: ['hidden'], reason });
  }

  delete(user: AuthUser, kind: ReviewTargetType, id: string, reason?: string): Promise<ModeratedContent> {
    const from = ['visible', 'hidden', 'held'];
    return this.changeStatus(user, kind, id, { action: 'delete', to: 'removed', from, reason });
  }

  async edit(user: AuthUser, kind: ReviewTargetType, id: string, source: string, reason: string) {
    const { adapter, content } = await this.load(user, kind, id);
    if (!['visible', 'held', 'hidden'].includes(content.status)) throw notInState('editable');
    const forum = await this.forums.findById(content.forumId);
    const findings = detect(source, { defaultRegion: forum?.phoneRegion });
    const policy = content.findings?.policy ?? forum?.piiPolicy ?? 'warn';
    // A moderator's edit needs no acknowledgement; the summary still records what the new text contains.
    const summary = findings.length > 0 ? summarizeFindings(findings, true, policy) : null;
    const edited = await adapter.edit(content, source, summary, user.id, reason);
    await this.recorder.record(user, 'edit', targetOf(content), { reason });
    return edited;
  }

  /** The item stays as it is; its open reports are settled and its queue entry resolved. */
  async dismissReports(user: AuthUser, kind: ReviewTargetType, id: string, reason?: string) {
    const { content } = await this.load(user, kind, id);
    await this.recorder.record(user, 'dismiss', targetOf(content), { reason, notifyAuthor: false });
    return content;
  }

  private async changeStatus(
    user: AuthUser,
    kind: ReviewTargetType,
    id: string,
    change: { action: string; to: 'hidden' | 'visible' | 'removed'; from: string[]; reason?: string },
  ): Promise<ModeratedContent> {
    const { adapter, content } = await this.load(user, kind, id);
    if (!change.from.includes(content.status)) throw notInState(change.from.join(' or '));
    const updated = await adapter.setStatus(content, change.to, change.from, change.reason);
    // Another moderator changed it between the read and the write: theirs stands.
    if (!updated) throw notInState(change.from.join(' or '));
    await this.recorder.record(user, change.action, targetOf(content), { reason: change.reason });
    return updated;
  }

  private async load(user: AuthUser, kind: ReviewTargetType, id: string): Promise<Loaded> {
    const loaded = await this.adapters.require(kind, id);
    await this.access.assertMayActOn(user, loaded.content);
    return loaded;
  }
}

export function targetOf(content: ModeratedContent): ActionTarget {
  return {
    targetType: content.kind,
    targetId: content.id,
    forumId: content.forumId,
    topicId: content.kind === 'post' ? content.containerId : undefined,
    subjectUserId: content.authorId,
  };
}
