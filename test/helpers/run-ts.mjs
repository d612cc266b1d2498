// Runs a TypeScript entry point in a plain node process, compiled the way jest compiles the tests (swc, with
// the decorator metadata Nest's injection needs; tsx/esbuild emits none). Fault tests start the real server
// with it as a child process (`node test/helpers/run-ts.mjs src/main.ts`) from the sources as they are, so a
// stale dist/ is never what gets tested.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { transformSync } from '@swc/core';

const require = createRequire(import.meta.url);
const [, swcOptions] = Object.values(require('../../jest.config.js').transform)[0];

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};

require(resolve(process.argv[2]));
