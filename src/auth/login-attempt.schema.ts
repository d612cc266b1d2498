import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Failed sign-ins per (login name, client address) pair (the login as typed, lower-cased, and the address,
 * stored only as SHA-256s), whether or not an account has that name, so the delay does not reveal which
 * accounts exist. `login` (the login name's hash alone) lets a password reset clear every address's delay.
 */
@Schema({ collection: 'auth_login_attempts', versionKey: false })
export class LoginAttemptRecord {
  @Prop({ required: true, unique: true }) key!: string;
  @Prop({ type: String, default: null }) login!: string | null;
  @Prop({ required: true, default: 0 }) failures!: number;
  @Prop({ type: Date, default: null }) lockedUntil!: Date | null;
  @Prop({ required: true }) updatedAt!: Date;
}

export const LoginAttemptSchema = SchemaFactory.createForClass(LoginAttemptRecord);
LoginAttemptSchema.index({ updatedAt: 1 });
LoginAttemptSchema.index({ login: 1 });
