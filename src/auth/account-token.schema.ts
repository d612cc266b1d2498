import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export type AccountTokenPurpose = 'verify-email' | 'reset-password';

/** A mailed one-time link. Only the SHA-256 of the token is stored (the _id): a database read reveals no link. */
@Schema({ collection: 'account_tokens', versionKey: false })
export class AccountTokenRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) userId!: string;
  @Prop({ type: String, required: true }) purpose!: AccountTokenPurpose;
  /** The address the link was mailed to (for verification: the address it confirms). */
  @Prop({ type: String, required: true }) email!: string;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
  @Prop({ type: Date, default: null }) usedAt!: Date | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const AccountTokenSchema = SchemaFactory.createForClass(AccountTokenRecord);
AccountTokenSchema.index({ userId: 1, purpose: 1 });

/** Requests that send account mail, counted per key (an address, an account) in a fixed window. */
@Schema({ collection: 'account_mail_requests', versionKey: false })
export class AccountMailRequestRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Date, required: true }) windowStart!: Date;
  @Prop({ type: Number, required: true }) count!: number;
}

export const AccountMailRequestSchema = SchemaFactory.createForClass(AccountMailRequestRecord);
