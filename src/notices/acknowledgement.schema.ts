import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A user's acknowledgement of one public-area notice version: part of that user's data export. */
@Schema({ collection: 'notice_acknowledgements', versionKey: false })
export class AcknowledgementRecord {
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) acknowledgedAt!: Date;
}

export const AcknowledgementSchema = SchemaFactory.createForClass(AcknowledgementRecord);
// Acknowledging twice keeps the first time (idempotent retries); the index also serves "latest for user".
AcknowledgementSchema.index({ userId: 1, version: 1 }, { unique: true });
