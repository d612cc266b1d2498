import { Injectable } from '@nestjs/common';

/**
 * One part of a user's data export, contributed by the module that stores it (posts, board messages, reports,
 * notifications, moderation actions). `export` returns only that user's own data, without other people's
 * personal data (no other usernames or emails; ids are fine).
 */
export interface PrivacySection {
  name: string;
  export(userId: string): Promise<unknown>;
}

/** Modules register their sections in onModuleInit; GET /api/me/export gathers them all. */
@Injectable()
export class PrivacyRegistry {
  private readonly sections = new Map<string, PrivacySection>();

  registerSection(section: PrivacySection): void {
    if (this.sections.has(section.name)) {
      throw new Error(`A privacy export section named "${section.name}" is already registered`);
    }
    this.sections.set(section.name, section);
  }

  names(): string[] {
    return [...this.sections.keys()].sort();
  }

  /** Every section, in name order. One failing section fails the export: an incomplete one would mislead. */
  async exportAll(userId: string): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      this.names().map(async (name) => [name, await this.sections.get(name)!.export(userId)] as const),
    );
    return Object.fromEntries(entries);
  }
}
