import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export class AuditLogIsAppendOnly extends Error {
  constructor(operation: string) {
    super(`The audit log is append-only: ${operation} is refused`);
    this.name = 'AuditLogIsAppendOnly';
  }
}

@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntryRecord {
  @Prop({ type: String, default: null }) actorId!: string | null;
  @Prop({ type: String, required: true }) actorRole!: string;
  @Prop({ type: String, required: true }) action!: string;
  @Prop({ type: String, required: true }) targetType!: string;
  @Prop({ type: String, required: true }) targetId!: string;
  @Prop({ type: String, default: null }) forumId!: string | null;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ type: Object, default: null }) counts!: Record<string, number> | null;
  @Prop({ type: [String], default: [] }) subjectUserIds!: string[];
  @Prop({ type: Date, required: true }) at!: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryRecord);
AuditEntrySchema.index({ targetType: 1, targetId: 1 });
AuditEntrySchema.index({ forumId: 1 });
AuditEntrySchema.index({ subjectUserIds: 1 });
AuditEntrySchema.index({ at: 1 });

// Append-only by construction: every mongoose path that could change or remove an entry throws. The one
// exception is retention (AuditEntryRepository.deleteOlderThan), on the driver, past these hooks, on purpose.
const refused = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;
for (const operation of refused) {
  AuditEntrySchema.pre(operation, function refuse() {
    throw new AuditLogIsAppendOnly(operation);
  });
}
AuditEntrySchema.pre('save', function refuseResave() {
  if (!this.isNew) throw new AuditLogIsAppendOnly('save of an existing entry');
});
