import type { NextFunction, Request, Response } from 'express';
import type { Connection } from 'mongoose';
import { AppError } from '../errors/app-error';

/**
 * Keeps the promise of MONGODB_TIMEOUT_MS: with the database down, a request answers 503 database_unavailable
 * within that time. The driver alone does not keep it: a database that stops answering without closing its
 * connections (a frozen process, a network partition) leaves every operation waiting for socketTimeoutMS, and
 * requests queued behind per-document write queues wait for several of those in turn (measured with FerretDB
 * under SIGSTOP: no answer at all for 20 s).
 *
 * So every request still running after half the timeout asks whether the database is answering: did any
 * operation get its answer (a connection came back to the pool) in the last half timeout, or does it answer a
 * ping (one ping shared by all such requests, given the other half of the timeout)? Neither: the request gets
 * its 503 now, and whatever it was doing is left to finish or fail on its own, its answer dropped. A 503 never
 * meant "not stored": a retry with the same clientId finds a post that was stored after all. A slow request on
 * a database that answers is left alone and checked again every half timeout. Counting returned connections,
 * not only the ping, keeps a busy database (pings slowed by load) from being taken for a dead one.
 */
export class DatabaseDeadline {
  private probe: Promise<boolean> | null = null;
  private readonly step: number;
  private lastAnswerAt = Date.now();

  constructor(
    private readonly connection: Connection,
    timeoutMs: number,
  ) {
    this.step = Math.max(1, Math.floor(timeoutMs / 2));
    connection.getClient().on('connectionCheckedIn', () => (this.lastAnswerAt = Date.now()));
  }

  readonly middleware = (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    let timer: NodeJS.Timeout;
    const check = async () => {
      if (res.headersSent) return;
      const answers = await this.databaseAnswers();
      if (res.headersSent || res.destroyed) return;
      if (answers) {
        timer = setTimeout(check, this.step);
        return;
      }
      answerUnavailable(req, res);
    };
    timer = setTimeout(check, this.step);
    res.once('close', () => clearTimeout(timer));
    next();
  };

  private async databaseAnswers(): Promise<boolean> {
    const since = Date.now() - this.step;
    if (this.lastAnswerAt >= since) return true;
    this.probe ??= ping(this.connection, this.step).finally(() => (this.probe = null));
    return (await this.probe) || this.lastAnswerAt >= since;
  }
}

function ping(connection: Connection, timeoutMs: number): Promise<boolean> {
  const db = connection.db;
  if (!db) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    db.admin()
      .ping()
      .then(
        () => resolve(true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Answers now and drops the handler's own answer when it comes (express would throw: headers already sent). */
function answerUnavailable(req: Request & { id?: string }, res: Response): void {
  const error = new AppError('database_unavailable', 'The database is not answering, try again shortly');
  res.status(error.status).json(error.toBody(req.id));
  res.json = () => res;
  res.send = () => res;
}
