import { Types } from 'mongoose';

/** A new document id, known before the insert (so two documents can name each other in one write each). */
export function newObjectId(): string {
  return new Types.ObjectId().toHexString();
}
