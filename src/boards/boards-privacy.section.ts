import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { BoardMessageRepository } from './board-message.repository';

/** The user's board messages in their data export, with every earlier version; not who liked them. */
@Injectable()
export class BoardsPrivacySection implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly messages: BoardMessageRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'boardMessages', export: (userId) => this.export(userId) });
  }

  private async export(userId: string) {
    const messages = await this.messages.allBy(userId);
    return messages.map((message) => ({
      id: message.id,
      boardId: message.boardId,
      seq: message.seq,
      status: message.status,
      source: message.source,
      replyTo: message.replyTo,
      likeCount: message.likeCount,
      createdAt: message.createdAt,
      editedAt: message.editedAt,
      revisions: message.revisions,
    }));
  }
}
