import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One sign-in (a refresh-token family). Access tokens carry its id, so logging out, a detected refresh-token
 * reuse, a password change or deleting the account ends the session at once, not when the access token expires.
 */
@Schema({ collection: 'auth_sessions', versionKey: false })
export class SessionRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) userId!: string;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) expiresAt!: Date;
  @Prop({ type: Date, default: null }) revokedAt!: Date | null;
  @Prop({ type: String, default: null }) revokedReason!: string | null;
}

export const SessionSchema = SchemaFactory.createForClass(SessionRecord);

/** A refresh token, stored only as its SHA-256; `usedAt` is set when it is rotated, and it never works again. */
@Schema({ collection: 'auth_refresh_tokens', versionKey: false })
export class RefreshTokenRecord {
  @Prop({ required: true, unique: true }) tokenHash!: string;
  @Prop({ required: true, index: true }) sessionId!: string;
  @Prop({ required: true, index: true }) userId!: string;
  @Prop({ required: true }) expiresAt!: Date;
  @Prop({ type: Date, default: null }) usedAt!: Date | null;
}

export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshTokenRecord);
