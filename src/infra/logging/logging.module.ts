import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';

/**
 * A person at a terminal reads one coloured line per entry; anything else (a file, a pipe, a log collector, and
 * production always) gets one JSON object per line.
 */
function defaultDestination(config: AppConfig): DestinationStream | undefined {
  if (config.NODE_ENV === 'production' || !process.stdout.isTTY) return undefined;
  return pretty({ colorize: true, singleLine: true, ignore: 'pid,hostname', sync: true });
}

/** Structured JSON logs with a request id. URLs are logged without their query (it may hold a token). */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: [
              {
                level: config.LOG_LEVEL,
                genReqId: (req: IncomingMessage) =>
                  (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
                serializers: {
                  req: (req: { id: string; method: string; url: string }) => ({
                    id: req.id,
                    method: req.method,
                    path: req.url.split('?')[0],
                  }),
                  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
                },
                redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token'], remove: true },
                customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                  error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
                autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' },
              },
              (destination ?? defaultDestination(config)) as DestinationStream,
            ],
          }),
        }),
      ],
    };
  }
}
