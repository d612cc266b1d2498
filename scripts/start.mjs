// `npm start`: build what is missing or stale, keep a development JWT secret in ./data, then run the server.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newestMtime(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(label, output, sources, command, args) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newestMtime))) return;
  console.log(`start: building the ${label} (${command} ${args.join(' ')})`);
  execFileSync(command, args, { stdio: 'inherit' });
}

buildIfStale('server', 'dist/main.js', ['src'], process.execPath, [
  'node_modules/@nestjs/cli/bin/nest.js',
  'build',
]);
if (existsSync('client/index.html')) {
  // client/ and the server modules its vite.config.ts aliases in (@pii, @digest, @markdown, @socket-protocol).
  const clientSources = [
    'client',
    'src/pii',
    'src/publishing/findings-digest.ts',
    'src/infra/rendering/markdown-renderer.ts',
    'src/realtime/socket-protocol.ts',
  ];
  buildIfStale('web client', 'client/dist/index.html', clientSources, process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'client/vite.config.ts',
  ]);
}

if (!process.env.JWT_SECRET && process.env.NODE_ENV !== 'production') {
  const secretFile = join(process.env.DATA_DIR ?? 'data/db', '..', 'jwt-secret');
  if (!existsSync(secretFile)) {
    mkdirSync(dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  process.env.JWT_SECRET = readFileSync(secretFile, 'utf8').trim();
}

await import(pathToFileURL(join(root, 'dist/main.js')).href);
