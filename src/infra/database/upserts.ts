import type { Model, UpdateQuery } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

/**
 * The next value of a counter document (`_id` = key): exactly one increment per call, the value after it, on
 * every engine. The counter is created first when missing, then incremented without upsert: SecantusDB 0.5.3
 * sometimes answers a concurrent first-use upsert with null although it applied the update
 * (docs/engine-deviations.md, "upsert returns null"), and reading the counter again could return a later value.
 */
export async function incrementCounter(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any counter schema
  id: string,
  field: string,
  by = 1,
): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const row = await model
      .findOneAndUpdate({ _id: id }, { $inc: { [field]: by } }, { new: true })
      .lean<Record<string, number>>()
      .exec();
    if (row) return row[field];
    await model.collection.insertOne({ _id: id, [field]: 0 } as never).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  }
  throw new Error(`counter ${model.collection.name}/${id} could not be incremented`);
}

/**
 * findOneAndUpdate with upsert, returning the document after the update. Where an engine answers null
 * although it applied the upsert (see above), the document is read again by the same filter: right for state
 * (a queue entry, a failure count), not for counters, which use incrementCounter. A duplicate key (two first
 * upserts of one unique key on MongoDB) is the caller's to handle, as with findOneAndUpdate itself.
 */
export async function upsertReturning<T>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any schema
  filter: Record<string, unknown>,
  update: UpdateQuery<unknown>,
  options: { setDefaultsOnInsert?: boolean } = {},
): Promise<T> {
  const row = await model
    .findOneAndUpdate(filter, update, { ...options, upsert: true, new: true })
    .lean<T>()
    .exec();
  if (row) return row;
  const stored = await model.findOne(filter).lean<T>().exec();
  if (stored) return stored;
  throw new Error(`upsert into ${model.collection.name} returned no document`);
}
