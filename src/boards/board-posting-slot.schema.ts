import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Slow mode: when each member may next post on a board. `_id` is `<boardId>:<userId>`. */
@Schema({ collection: 'board_posting_slots', versionKey: false })
export class BoardPostingSlotRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) userId!: string;
  @Prop({ required: true }) nextAt!: Date;
}

export const BoardPostingSlotSchema = SchemaFactory.createForClass(BoardPostingSlotRecord);
