import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The last message seq a member has read on a board (only ever moves forward, with $max). */
@Schema({ collection: 'board_reads', versionKey: false })
export class BoardReadRecord {
  @Prop({ required: true }) boardId!: string;
  @Prop({ required: true, index: true }) userId!: string;
  @Prop({ required: true }) lastReadSeq!: number;
}

export const BoardReadSchema = SchemaFactory.createForClass(BoardReadRecord);
BoardReadSchema.index({ boardId: 1, userId: 1 }, { unique: true });
