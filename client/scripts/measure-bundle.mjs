// Measures the production bundle and the detector's share of it: `node client/scripts/measure-bundle.mjs`.
// Builds three variants into temporary directories (client/dist is left alone):
//   shipped        the real build (detector lazy-loaded, libphonenumber `max` metadata)
//   no detector    src/pii replaced by a stub, to isolate what the detector costs
//   min metadata   libphonenumber's `min` metadata instead of `max`, the alternative we rejected
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, loadConfigFromFile } from 'vite';

// Vite 8 warns that a TypeScript config is loaded through its bundler; that is intended here.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

const root = resolve(import.meta.dirname, '../..');
const configFile = join(root, 'client/vite.config.ts');

async function buildVariant(extraAlias) {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, configFile);
  const config = loaded.config;
  const outDir = mkdtempSync(join(tmpdir(), 'parley-bundle-'));
  config.resolve.alias = { ...extraAlias, ...config.resolve.alias, ...extraAlias };
  await build({ ...config, configFile: false, logLevel: 'silent', build: { ...config.build, outDir } });
  const files = readdirSync(join(outDir, 'assets')).map((name) => {
    const bytes = readFileSync(join(outDir, 'assets', name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
    };
  });
  rmSync(outDir, { recursive: true, force: true });
  return files;
}

const kb = (n) => (n / 1024).toFixed(1);
const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);
const row = (label, files) =>
  `| ${label} | ${kb(sum(files, 'raw'))} | ${kb(sum(files, 'gzip'))} | ${kb(sum(files, 'brotli'))} |`;
const js = (files) => files.filter((f) => f.name.endsWith('.js'));
const chunk = (files, prefix) => files.filter((f) => f.name.startsWith(prefix));

const shipped = await buildVariant({});
const noDetector = await buildVariant({ '@pii': join(root, 'client/scripts/detector-stub.ts') });
const minMetadata = await buildVariant({
  'libphonenumber-js/metadata.max.json': join(root, 'node_modules/libphonenumber-js/metadata.min.json'),
});

console.log('| what | raw KiB | gzip KiB | brotli KiB |');
console.log('| --- | --- | --- | --- |');
for (const file of shipped) console.log(row(`shipped: ${file.name.replace(/-[\w-]{8}\./, '.')}`, [file]));
console.log(row('shipped: all JS', js(shipped)));
console.log(row('shipped: first load (entry JS + CSS)', [...chunk(shipped, 'index-')]));
console.log(row('without the detector: all JS', js(noDetector)));
console.log(row('detector chunk, max metadata (shipped)', chunk(shipped, 'pii-')));
console.log(row('detector chunk, min metadata', chunk(minMetadata, 'pii-')));
const share = sum(chunk(shipped, 'pii-'), 'gzip') / sum(js(shipped), 'gzip');
console.log(`\ndetector share of all JS (gzip): ${(share * 100).toFixed(1)}%`);
console.log(
  `node ${process.version}, vite ${(await import('vite')).version}, ${new Date().toISOString().slice(0, 10)}`,
);
