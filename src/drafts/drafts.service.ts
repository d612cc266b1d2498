import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { MAX_DRAFTS_PER_USER, type Draft, type DraftKind } from './draft';
import { DraftRepository } from './draft.repository';

/**
 * Unsent texts saved as the author types, so they survive a reload, a crash or a change of device. Only their
 * author ever reads them; an empty text discards the draft, and so does publishing (the client deletes it).
 */
@Injectable()
export class DraftsService {
  constructor(private readonly drafts: DraftRepository) {}

  async get(user: AuthUser, kind: DraftKind, ref: string): Promise<{ draft: Draft | null }> {
    return { draft: await this.drafts.find(user.id, kind, ref) };
  }

  async save(
    user: AuthUser,
    kind: DraftKind,
    ref: string,
    input: { body: string; title?: string; replyTo?: number },
  ): Promise<{ draft: Draft | null }> {
    const text = { body: input.body, title: input.title ?? '', replyTo: input.replyTo ?? null };
    if (!text.body.trim() && !text.title.trim()) {
      await this.drafts.delete(user.id, kind, ref);
      return { draft: null };
    }
    if (
      !(await this.drafts.exists(user.id, kind, ref)) &&
      (await this.drafts.count(user.id)) >= MAX_DRAFTS_PER_USER
    ) {
      throw new AppError(
        'draft_limit_reached',
        `You have ${MAX_DRAFTS_PER_USER} unsent drafts; send or discard some before starting another`,
      );
    }
    return { draft: await this.drafts.save(user.id, kind, ref, text) };
  }

  async discard(user: AuthUser, kind: DraftKind, ref: string): Promise<void> {
    await this.drafts.delete(user.id, kind, ref);
  }
}
