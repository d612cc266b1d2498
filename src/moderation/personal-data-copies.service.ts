import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { detect, type Finding } from '../pii';
import { ContentLifecycles } from './content-lifecycles';
import { CopyIndexRepository } from './copy-index.repository';
import { copyIndexKey, keyedFindings, valueKey } from './copy-keys';
import type { ContentLifecycle, ModeratedContent } from '../content/content-lifecycle';
import { ModerationAccessService } from './moderation-access.service';
import type { ReviewTargetType } from './review-item';

/** Places looked at per question: a value copied more often than this is a spam wave, not a copy. */
const MAX_PLACES = 200;

export interface CopyPlace {
  adapter: ContentLifecycle;
  content: ModeratedContent;
  /** The keys of the asked-for values this place holds now. */
  valueKeys: Set<string>;
  /** Its types, for the moderator ("an email and a phone number"). */
  types: string[];
}

export interface CopyPlaceView {
  kind: ReviewTargetType;
  id: string;
  forumId: string;
  /** The topic (posts) or board (messages). */
  containerId: string;
  seq: number;
  status: string;
  types: string[];
  /** It quotes the item asked about: removal follows it by itself. */
  quotes: boolean;
}

export interface CopiesReport {
  /** Places the moderator may act on. */
  places: CopyPlaceView[];
  /** Places in forums this moderator does not moderate (or otherwise out of their reach): counted only. */
  outOfReach: number;
}

/**
 * "Also in 3 places": where else the personal data of a post or board message stands, found through the copy
 * index (keyed hashes of normalised values, never the values) and checked against each place's current text,
 * so a stale row never sends a moderator to a place that no longer holds the value.
 */
@Injectable()
export class PersonalDataCopies {
  private readonly key: Buffer;

  constructor(
    private readonly adapters: ContentLifecycles,
    private readonly rows: CopyIndexRepository,
    private readonly forums: ForumsService,
    private readonly access: ModerationAccessService,
    config: AppConfig,
  ) {
    this.key = copyIndexKey(config.JWT_SECRET ?? '');
  }

  /** Indexes what the item holds now: text, title, a parked edit and every revision. */
  async index(kind: ReviewTargetType, id: string): Promise<void> {
    const adapter = this.adapters.adapter(kind);
    const content = await adapter.find(id);
    if (!content) return this.rows.forget(id);
    const found = await this.findingsOf(adapter, content);
    await this.rows.replace(content, [...found.keys()]);
  }

  /** The keys of values about to be removed (each replaced span, as the detector reads it). */
  async keysOfValues(values: string[], forumId: string): Promise<string[]> {
    const region = await this.regionOf(forumId);
    const keys = new Set<string>();
    for (const value of values) {
      for (const finding of detect(value, { defaultRegion: region })) keys.add(valueKey(this.key, finding));
    }
    return [...keys];
  }

  /** The findings of `text` (read in the forum's region) that are one of these values: what a copy removes. */
  async findingsMatching(text: string, forumId: string, valueKeys: Set<string>): Promise<Finding[]> {
    const region = await this.regionOf(forumId);
    return detect(text, { defaultRegion: region }).filter((finding) =>
      valueKeys.has(valueKey(this.key, finding)),
    );
  }

  /** The moderator's question before removing: where else do this item's values stand? */
  async report(user: AuthUser, kind: ReviewTargetType, id: string): Promise<CopiesReport> {
    const { adapter, content } = await this.adapters.require(kind, id);
    await this.access.assertMayActOn(user, content);
    const keys = [...(await this.findingsOf(adapter, content)).keys()];
    const places = await this.placesHolding(keys, content.id);
    const reachable: CopyPlaceView[] = [];
    let outOfReach = 0;
    for (const place of places) {
      if (await this.mayActOn(user, place.content)) reachable.push(copyPlaceView(place, content.id));
      else outOfReach += 1;
    }
    return { places: reachable, outOfReach };
  }

  /** Places other than `exceptId` holding any of these values now, each checked against its current text. */
  async placesHolding(valueKeys: string[], exceptId: string): Promise<CopyPlace[]> {
    const rows = (await this.rows.withKeys(valueKeys, MAX_PLACES)).filter(
      (row) => row.contentId !== exceptId,
    );
    const wanted = new Set(valueKeys);
    const byContent = new Map(rows.map((row) => [row.contentId, row.kind]));
    const places: CopyPlace[] = [];
    for (const [id, kind] of byContent) {
      const adapter = this.adapters.adapter(kind);
      const content = await adapter.find(id);
      if (!content) {
        await this.rows.forget(id);
        continue;
      }
      const found = await this.findingsOf(adapter, content);
      const holding = [...found.entries()].filter(([k]) => wanted.has(k));
      if (holding.length === 0) {
        await this.rows.replace(content, [...found.keys()]); // a stale row: the index catches up
        continue;
      }
      places.push({
        adapter,
        content,
        valueKeys: new Set(holding.map(([k]) => k)),
        types: [...new Set(holding.map(([, finding]) => finding.type))],
      });
    }
    return places;
  }

  async mayActOn(user: AuthUser, content: ModeratedContent): Promise<boolean> {
    try {
      await this.access.assertMayActOn(user, content);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') return false;
      throw error;
    }
  }

  private async findingsOf(adapter: ContentLifecycle, content: ModeratedContent) {
    const texts = [
      content.source,
      content.title ?? '',
      content.pendingEdit?.source ?? '',
      content.pendingEdit?.title ?? '',
      ...(await adapter.revisionTexts(content.id)),
    ];
    return keyedFindings(this.key, texts, await this.regionOf(content.forumId));
  }

  private async regionOf(forumId: string): Promise<string | undefined> {
    return (await this.forums.findById(forumId))?.phoneRegion;
  }
}

export function copyPlaceView(place: CopyPlace, askedId: string): CopyPlaceView {
  const { content } = place;
  return {
    kind: content.kind,
    id: content.id,
    forumId: content.forumId,
    containerId: content.containerId,
    seq: content.seq,
    status: content.status,
    types: place.types,
    quotes: content.quotedIds.includes(askedId),
  };
}
