import { Injectable } from '@nestjs/common';
import { laneId, QueueSlotRepository, slotId } from './queue-slot.repository';
import type { ReviewItem } from './review-item';
import { ReviewItemRepository } from './review-item.repository';

/** Slots read per round trip batch (point reads in parallel). */
const BATCH = 25;
/** The low-water mark never passes the newest numbers: a slot may be allocated but not written yet. */
const RECENT_GUARD = 100;
const SCOPES_ALL = 'all';

export interface LaneHit {
  item: ReviewItem;
  priority: number;
  n: number;
}

/**
 * The queue's fast path. Every open entry holds one slot in the all-forums lane and one in its forum's lane,
 * at its priority; a page walks a lane from its low-water mark by `_id`, skipping slots whose entry was
 * resolved or moved (an entry lists its live slots), and raises the mark over the dead ones at its start.
 */
@Injectable()
export class QueueLanes {
  constructor(
    private readonly slots: QueueSlotRepository,
    private readonly items: ReviewItemRepository,
  ) {}

  /** Gives an open entry its slots at its current priority (again, when a report raised its priority). */
  async place(item: ReviewItem): Promise<void> {
    const placed =
      item.slots.length === 2 && item.slots.every((id) => id.split('|')[1] === String(item.priority));
    if (placed) return;
    const ids: string[] = [];
    for (const scope of [SCOPES_ALL, item.forumId]) {
      const lane = laneId(scope, item.priority);
      const id = slotId(lane, await this.slots.allocate(lane));
      await this.slots.put(id, item.id);
      ids.push(id);
    }
    await this.items.setSlots(item.id, ids);
    await this.slots.remove(item.slots);
  }

  remove(item: ReviewItem): Promise<void> {
    return this.slots.remove(item.slots);
  }

  /** Up to `limit` open entries of one scope (`all` or a forum id) in queue order, after a lane position. */
  async read(
    scope: string | undefined,
    accept: (item: ReviewItem) => boolean,
    after: { priority: number; n: number } | null,
    limit: number,
  ): Promise<LaneHit[]> {
    const hits: LaneHit[] = [];
    for (const priority of [0, 1]) {
      if (after && priority < after.priority) continue;
      const start = after && after.priority === priority ? after.n + 1 : null;
      await this.walk(laneId(scope ?? SCOPES_ALL, priority), priority, start, accept, limit, hits);
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private async walk(
    lane: string,
    priority: number,
    start: number | null,
    accept: (item: ReviewItem) => boolean,
    limit: number,
    hits: LaneHit[],
  ): Promise<void> {
    const { next, low } = await this.slots.lane(lane);
    let n = Math.max(low, start ?? low);
    let deadUntil = start === null ? low : -1;
    while (hits.length < limit && n < next) {
      const ids = Array.from({ length: Math.min(BATCH, next - n) }, (_, k) => slotId(lane, n + k));
      const found = await this.slots.get(ids);
      const items = await this.items.findByIds(found.map((slot) => slot?.itemId ?? ''));
      found.forEach((slot, k) => {
        const item = items[k];
        const live = !!slot && !!item && item.status === 'open' && item.slots.includes(slot.id);
        if (!live) {
          if (deadUntil === n + k && n + k < next - RECENT_GUARD) deadUntil = n + k + 1;
          return;
        }
        if (hits.length < limit && accept(item)) hits.push({ item, priority, n: n + k });
      });
      n += ids.length;
    }
    if (deadUntil > low) await this.slots.raiseLow(lane, deadUntil);
  }
}
