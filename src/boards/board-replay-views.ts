import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReplayContent, type RenderedContent, type ReplayViewer } from '../infra/events/replay-content';
import { toMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';

/** Board messages for socket replay, rendered from their current state with the view the board page uses. */
@Injectable()
export class BoardReplayViews implements OnModuleInit {
  constructor(
    private readonly content: ReplayContent,
    private readonly messages: BoardMessageRepository,
  ) {}

  onModuleInit(): void {
    this.content.register('message', (ids, viewer) => this.render(ids, viewer));
  }

  private async render(ids: string[], viewer: ReplayViewer): Promise<Map<string, RenderedContent>> {
    const messages = await this.messages.findByIds(ids);
    const rendered = new Map<string, RenderedContent>();
    const userId = viewer.user?.id;
    for (const message of messages) {
      // A held message is the author's and the moderators' only, as on the board page.
      if (message.status === 'held' && !viewer.moderator && message.authorId !== userId) continue;
      const view = toMessageView(message, { userId, moderator: viewer.moderator });
      delete view.source;
      delete view.findings;
      delete view.likedByMe;
      rendered.set(message.id, { view: { ...view }, awaitingReview: message.status === 'held' });
    }
    return rendered;
  }
}
