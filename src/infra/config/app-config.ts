import { Transform, Type, plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** Every environment variable the process reads. `.env.example` documents each with its default. */
export class AppConfig {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' =
    'development';
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  // SIGTERM/SIGINT: how long in-flight requests may take to finish before the process exits anyway (code 1).
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000) SHUTDOWN_TIMEOUT_MS = 10_000;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI?: string;
  @Matches(/^[A-Za-z0-9_-]{1,60}$/, { message: 'must be 1 to 60 letters, digits, _ or -' })
  MONGODB_DB_NAME = 'parley';
  @Matches(/^(majority|\d{1,2})$/, { message: 'must be "majority" or a number of nodes' })
  MONGODB_WRITE_CONCERN = 'majority';
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) MONGODB_TIMEOUT_MS = 5000;
  @IsString() DATA_DIR = './data/db';
  // Without MONGODB_URI: which embedded engine to run (unset: the first of the chain that is installed or builds).
  @IsOptional() @IsIn(['secantusdb', 'ferretdb']) DATABASE_ENGINE?: 'secantusdb' | 'ferretdb';

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  // Required in production; elsewhere the start script keeps a generated secret in the data folder.
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;
  @Type(() => Number) @IsInt() @Min(30) @Max(86_400) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Type(() => Number) @IsInt() @Min(1) @Max(365) REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toList) @IsString({ each: true }) CORS_ORIGINS: string[] = [];
  @Matches(/^\d+(b|kb|mb)$/, { message: 'must be a size such as 256kb or 1mb' }) BODY_LIMIT = '256kb';
  @Type(() => Number) @IsInt() @Min(1) THROTTLE_TTL_SECONDS = 60;
  @Type(() => Number) @IsInt() @Min(1) THROTTLE_LIMIT = 600;
  @Type(() => Number) @IsInt() @Min(1) PII_CHECK_LIMIT_PER_MINUTE = 60;
  @Transform(toBoolean) @IsBoolean() TRUST_PROXY = false;
  // Slow clients: headers must arrive within the first, the whole request (headers and body) within the second.
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000) HTTP_HEADERS_TIMEOUT_MS = 10_000;
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) HTTP_REQUEST_TIMEOUT_MS = 30_000;
  // A connection must send a complete request head within HTTP_HEADERS_TIMEOUT_MS of opening (not of its first
  // byte); between requests a kept-alive connection may idle this long; past HTTP_MAX_CONNECTIONS open
  // connections a new one is answered 503 too_many_connections and closed.
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000) HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;
  @Type(() => Number) @IsInt() @Min(1) HTTP_MAX_CONNECTIONS = 10_000;
  // GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open in development and test
  // and refused in production.
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;
  // Open socket.io connections from one client address (the proxy's X-Forwarded-For with TRUST_PROXY).
  @Type(() => Number) @IsInt() @Min(1) SOCKETS_PER_ADDRESS = 100;
  // After a socket is cut off for flooding events, its user (or, signed out, its address) may not reconnect for this long.
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000) SOCKET_FLOOD_COOL_OFF_MS = 30_000;
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' }) PUBLIC_URL?: string;

  // Mail (README, "Email"). Unset in development: `npm start` runs a local Mailpit and sends there; required in
  // production. smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://host:465.
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.SMTP_URL !== undefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL (required in production)' })
  SMTP_URL?: string;
  @IsString() @MinLength(3) MAIL_FROM = 'Parley <parley@localhost>';
  // The name mail is signed with ("the Parley team"); forums are named in each mail.
  @IsString() @MinLength(1) SITE_NAME = 'Parley';
  // The development Mailpit's ports (SMTP, and the web inbox with its HTTP API).
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) MAILPIT_SMTP_PORT = 1025;
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) MAILPIT_HTTP_PORT = 8025;
  // A mail whose SMTP server keeps failing is given up (state "failed") after this many tries.
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) MAIL_MAX_ATTEMPTS = 30;
  // Replies, mentions and quotes in one topic gather into one mail per recipient, sent this long after the first.
  @Type(() => Number) @IsInt() @Min(0) @Max(1440) MAIL_QUIET_PERIOD_MINUTES = 10;
  // The periodic summary (digest) of popular topics, for accounts that turned it on: every this many days
  // (0: never); each instance tries to claim the digest job every DIGEST_SWEEP_MS (0: never; tests drive it).
  @Type(() => Number) @IsInt() @Min(0) @Max(365) DIGEST_INTERVAL_DAYS = 7;
  @Type(() => Number) @IsInt() @Min(0) @Max(86_400_000) DIGEST_SWEEP_MS = 3_600_000;
  // How long mailed links work: address confirmation, password reset (each works once).
  @Type(() => Number) @IsInt() @Min(1) @Max(720) EMAIL_VERIFICATION_TTL_HOURS = 48;
  @Type(() => Number) @IsInt() @Min(5) @Max(1440) PASSWORD_RESET_TTL_MINUTES = 60;
  // Account mail (reset, confirmation) one address or account may ask for per hour.
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) ACCOUNT_MAIL_PER_HOUR = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsString() CLIENT_DIST = './client/dist';
  // Adds GET /api/bench/hello, the framework-only ceiling `npm run bench:http` compares routes with.
  @Transform(toBoolean) @IsBoolean() BENCH_ROUTES = false;
  // How often each instance looks for follow-up work (counters, notifications, room log) that a crash or a
  // failure left pending; 0 turns the sweep off (tests that drive it by hand).
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) FOLLOW_UP_SWEEP_MS = 2000;
  // How long the instance that stored a write owns its follow-up work before any sweep may take it over.
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000) FOLLOW_UP_LEASE_MS = 10_000;
  // Waits this long before the storing instance starts the follow-up work itself (0: at once, after the answer).
  // For fault drills: a process killed in this window leaves every follow-up to the sweep.
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) FOLLOW_UP_FIRST_TRY_DELAY_MS = 0;
  // Development only: the first start on an empty database creates the demo forums and accounts.
  @Transform(toBoolean) @IsBoolean() DEMO_SEED = true;

  // A deleted account's username stays reserved this many days, then anyone may register it; 0: forever.
  @Type(() => Number) @IsInt() @Min(0) @Max(36_500) DELETED_USERNAME_RESERVED_DAYS = 0;
  // Retention (docs/moderation.md, "Retention"): login attempts, ended or expired sessions with their refresh
  // tokens, and audit entries older than this many days are purged. Audit 0: kept forever.
  @Type(() => Number) @IsInt() @Min(1) @Max(3650) RETENTION_LOGIN_ATTEMPTS_DAYS = 30;
  @Type(() => Number) @IsInt() @Min(1) @Max(3650) RETENTION_SESSIONS_DAYS = 30;
  @Type(() => Number) @IsInt() @Min(0) @Max(36_500) RETENTION_AUDIT_DAYS = 730;
  // Uploads (README, "Uploads"). Stored on disk under UPLOADS_DIR (default: DATA_DIR/uploads) or in an
  // S3-compatible bucket (UPLOAD_STORAGE=s3 with the S3_* variables).
  @IsIn(['disk', 's3']) UPLOAD_STORAGE: 'disk' | 's3' = 'disk';
  @IsOptional() @IsString() UPLOADS_DIR?: string;
  @ValidateIf((config: AppConfig) => config.UPLOAD_STORAGE === 's3') @IsString() S3_BUCKET?: string;
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' }) S3_ENDPOINT?: string;
  @IsString() S3_REGION = 'us-east-1';
  @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;
  // Path-style addressing (http://host/bucket/key): what most self-hosted S3-compatible servers expect.
  @Transform(toBoolean) @IsBoolean() S3_FORCE_PATH_STYLE = true;
  @Type(() => Number) @IsInt() @Min(1024) @Max(104_857_600) UPLOAD_MAX_BYTES = 10_485_760;
  // Decompression bombs: images whose header announces more pixels than this are refused before decoding.
  @Type(() => Number) @IsInt() @Min(1) @Max(268_402_689) UPLOAD_MAX_PIXELS = 40_000_000;
  // Longest side of a stored image; larger ones are scaled down.
  @Type(() => Number) @IsInt() @Min(16) @Max(16_384) UPLOAD_MAX_DIMENSION = 4096;
  @IsIn(['keep', 'refuse']) UPLOAD_ANIMATED_GIFS: 'keep' | 'refuse' = 'keep';
  @Type(() => Number) @IsInt() @Min(1) UPLOADS_PER_USER_PER_DAY = 50;
  @Type(() => Number) @IsInt() @Min(1) UPLOADS_PER_USER_PER_FORUM_PER_DAY = 20;
  @Type(() => Number) @IsInt() @Min(1024) UPLOAD_BYTES_PER_USER = 209_715_200;
  // Uploaded but never posted: purged after this many hours by the uploads job.
  @Type(() => Number) @IsInt() @Min(1) @Max(8760) UPLOAD_ORPHAN_HOURS = 24;
  @Type(() => Number) @IsInt() @Min(0) @Max(86_400_000) UPLOAD_SWEEP_MS = 3_600_000;
  // A separate origin (e.g. https://media.example.org, same instances behind it) for uploads and proxied
  // images: the session cookies are host-only, so they never travel there. Unset: served under /media/.
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'must be an origin such as https://media.example.org' })
  MEDIA_ORIGIN?: string;
  // External images in posts are fetched by the image proxy (/media/external/...), within these limits.
  @Type(() => Number) @IsInt() @Min(1024) @Max(52_428_800) IMAGE_PROXY_MAX_BYTES = 5_242_880;
  @Type(() => Number) @IsInt() @Min(100) @Max(60_000) IMAGE_PROXY_TIMEOUT_MS = 5000;
  // Test and lab use only: addresses (CIDR) the proxy may reach although they are private or loopback.
  @Transform(toList) @IsString({ each: true }) IMAGE_PROXY_ALLOW_ADDRESSES: string[] = [];

  // How often an instance tries to claim the retention job (one instance runs it per period); 0: never.
  @Type(() => Number) @IsInt() @Min(0) @Max(86_400_000) RETENTION_SWEEP_MS = 3_600_000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const KNOWN = new Set(
  Object.keys(new AppConfig()).concat([
    'MONGODB_URI',
    'REDIS_URL',
    'JWT_SECRET',
    'PUBLIC_URL',
    'SMTP_URL',
    'UPLOADS_DIR',
    'S3_BUCKET',
    'S3_ENDPOINT',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'MEDIA_ORIGIN',
  ]),
);

/** Validates the environment; the error names each bad variable and never echoes its value (it may be a secret). */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => KNOWN.has(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, relevant);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => `config: ${error.property} ${Object.values(error.constraints ?? {}).join('; ')}`),
    );
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError([
      'config: HTTP_HEADERS_TIMEOUT_MS must not be larger than HTTP_REQUEST_TIMEOUT_MS',
    ]);
  }
  return config;
}
