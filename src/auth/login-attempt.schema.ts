import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Failed sign-ins per login name (username or email as typed, lower-cased, stored only as a SHA-256), whether
 * or not an account has that name, so the delay does not reveal which accounts exist.
 */
@Schema({ collection: 'auth_login_attempts', versionKey: false })
export class LoginAttemptRecord {
  @Prop({ required: true, unique: true }) key!: string;
  @Prop({ required: true, default: 0 }) failures!: number;
  @Prop({ type: Date, default: null }) lockedUntil!: Date | null;
  @Prop({ required: true }) updatedAt!: Date;
}

export const LoginAttemptSchema = SchemaFactory.createForClass(LoginAttemptRecord);
LoginAttemptSchema.index({ updatedAt: 1 });
