import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PostRepository } from './post.repository';

const BATCH = 500;

/**
 * Posts written before word search have no terms: they are indexed after start-up, in the background (the
 * server answers meanwhile; such posts are found once indexed), with a progress line per 5,000 posts. Every
 * instance may run it: a batch only sets terms derived from the stored text, so running twice is harmless.
 */
@Injectable()
export class SearchTermsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchTermsBackfill.name);
  private running: Promise<void> | null = null;

  constructor(private readonly posts: PostRepository) {}

  onApplicationBootstrap(): void {
    this.running = this.run().catch((error: Error) =>
      this.logger.warn(`search terms backfill stopped: ${error.message}; it resumes at the next start`),
    );
  }

  /** For tests and shutdown: resolves when the backfill has ended. */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    let total = 0;
    for (;;) {
      const indexed = await this.posts.indexSearchTerms(BATCH);
      if (indexed === 0) break;
      total += indexed;
      if (total % 5_000 < BATCH) this.logger.log(`search terms: ${total} older posts indexed so far`);
    }
    if (total > 0) this.logger.log(`search terms: ${total} older posts indexed, done`);
  }
}
