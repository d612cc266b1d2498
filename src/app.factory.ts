import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { stringCookies } from './infra/http/string-cookies';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { ErrorBodyResponse } from './infra/errors/error-body.response';
import { MetricsService } from './infra/metrics/metrics.service';
import type { AppConfig } from './infra/config/app-config';
import { DatabaseDeadline } from './infra/database/database-deadline';
import { toAppError } from './infra/errors/to-app-error';
import { assignRequestId } from './infra/http/request-id';
import { applyServerLimits, bodyLimitBytes, refuseAnnouncedOversize } from './infra/http/server-limits';
import { createValidationPipe } from './infra/http/validation';
import { setUpRealtime } from './realtime/realtime-setup';
import { configureImageUrls } from './infra/rendering/external-images';

const UPLOAD_PATH = /^\/api\/forums\/[^/]+\/uploads$/;

export interface CreateAppOptions {
  logDestination?: DestinationStream;
}

/** Everything main.ts and the e2e harness share, so tests run the application exactly as production does. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, logDestination: options.logDestination }),
    { bufferLogs: true, cors: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  applyServerLimits(app.getHttpServer(), config);
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(app.get(MetricsService).middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // Other hosts' images reach pages only through the image proxy (no tracking pixels).
          'img-src': ["'self'", 'data:', 'blob:', ...(config.MEDIA_ORIGIN ? [config.MEDIA_ORIGIN] : [])],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'"],
        },
      },
      // HSTS only means something over TLS; behind a TLS proxy TRUST_PROXY turns it on.
      strictTransportSecurity: config.TRUST_PROXY ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    }),
  );
  app.use(assignRequestId);
  app.use(new DatabaseDeadline(app.get(getConnectionToken()), config.MONGODB_TIMEOUT_MS).middleware);
  app.use(stringCookies);
  // Uploads are multipart and may be larger than a JSON body; multer enforces UPLOAD_MAX_BYTES on the file.
  const refuseOversizeBody = refuseAnnouncedOversize(bodyLimitBytes(config.BODY_LIMIT));
  const refuseOversizeUpload = refuseAnnouncedOversize(config.UPLOAD_MAX_BYTES + 64 * 1024);
  app.use((req: Request, res: Response, next: NextFunction) =>
    (UPLOAD_PATH.test(req.path) ? refuseOversizeUpload : refuseOversizeBody)(req, res, next),
  );
  app.use(express.json({ limit: config.BODY_LIMIT }));
  app.use(express.urlencoded({ limit: config.BODY_LIMIT, extended: false }));
  // Body-parser failures become AppErrors here, so the filter answers malformed_json / payload_too_large.
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => next(toAppError(error)));
  if (config.CORS_ORIGINS.length > 0) app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.setGlobalPrefix('api', { exclude: ['metrics', 'media/{*path}'] });
  configureImageUrls(config.JWT_SECRET ?? randomBytes(32).toString('hex'), config.MEDIA_ORIGIN);
  app.useGlobalPipes(createValidationPipe());
  await setUpRealtime(app, config);
  setUpOpenApi(app);
  serveClient(app, resolve(config.CLIENT_DIST));
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Parley API')
      .setDescription('Product forums, live boards, personal-data checks and moderation')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('parley_at')
      // Every route: any 4xx/5xx answers the one error shape (routes document more only where they add to it).
      .addGlobalResponse({
        status: 'default',
        description: 'An error, in the one error shape',
        type: ErrorBodyResponse,
      })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

/** The built web client is served at `/`, with index.html for client-side routes. */
function serveClient(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(dist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const apiPath = /^\/(api|metrics|media|socket\.io)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || apiPath || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
