import { Injectable } from '@nestjs/common';

export interface PendingRoomEvent {
  eventSeq: number;
  event: string;
  payload: Record<string, unknown>;
}

/** Finds, in a module's own storage, the events numbered `eventSeqs` in room `<kind>:<key>`. */
export type PendingEventFinder = (key: string, eventSeqs: number[]) => Promise<PendingRoomEvent[]>;

/**
 * An event announced live is numbered and stored with its content before the answer, but logged for replay by
 * the follow-up work a moment later (or, after a crash, by the sweep). A viewer who rejoins in between asks for
 * numbers the log does not hold yet: the module that owns the room's content is asked for them here, so
 * replay stays gap-free. Modules register a finder for their room kind ('topic', 'board').
 */
@Injectable()
export class PendingRoomEvents {
  private readonly finders = new Map<string, PendingEventFinder>();

  register(kind: string, finder: PendingEventFinder): void {
    this.finders.set(kind, finder);
  }

  async find(room: string, eventSeqs: number[]): Promise<PendingRoomEvent[]> {
    if (eventSeqs.length === 0) return [];
    const at = room.indexOf(':');
    const finder = this.finders.get(room.slice(0, at));
    return finder ? finder(room.slice(at + 1), eventSeqs) : [];
  }
}
