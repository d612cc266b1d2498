import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Pinned versions: the install scripts build exactly these, and the chain refuses other builds. */
export const SECANTUSDB = {
  crate: 'secantus-mdb',
  version: '0.5.3-beta.196',
  binary: 'secantusd-rs',
} as const;
export const FERRETDB = {
  module: 'github.com/FerretDB/FerretDB',
  version: 'v1.24.2',
  binary: 'ferretdb',
} as const;
/** Not an engine: the development and test SMTP catcher, found and built the same way (scripts/install-mailpit.sh). */
export const MAILPIT = {
  module: 'github.com/axllent/mailpit',
  version: 'v1.33.1',
  binary: 'mailpit',
} as const;
/** The package name scripts/install-ferretdb.sh gives its build; `ferretdb --version` prints it. */
export const FERRETDB_ID_INDEX_FIX = 'parley-sqlite-id-index';

const scripts = join(__dirname, '..', '..', '..', 'scripts');

export interface BinaryLookup {
  /** The binary, when one of the pinned version was found or built. */
  path?: string;
  /** Why there is none (or why the one found is not used): one clause for the engine log. */
  reason?: string;
}

/** `secantusd-rs` on PATH or in cargo's bin folder; built with cargo (scripts/install-secantusdb.sh) when missing. */
export function findSecantusDb(options: { install: boolean; log: (message: string) => void }): BinaryLookup {
  const dirs = [...pathDirs(), cargoBinDir()];
  return findOrInstall(dirs, SECANTUSDB.binary, {
    accepts: (version) => version.includes(SECANTUSDB.version),
    wanted: `${SECANTUSDB.binary} ${SECANTUSDB.version}`,
    canInstall: () => hasTool('cargo'),
    noInstaller: 'cargo is not installed (Rust toolchain)',
    script: 'install-secantusdb.sh',
    ...options,
  });
}

/** `ferretdb` on PATH or in Go's bin folder; built with Go (scripts/install-ferretdb.sh) when missing. */
export function findFerretDb(options: { install: boolean; log: (message: string) => void }): BinaryLookup {
  const dirs = [...pathDirs(), goBinDir()];
  return findOrInstall(dirs, FERRETDB.binary, {
    accepts: (version) => version.includes(FERRETDB.version) && version.includes(FERRETDB_ID_INDEX_FIX),
    wanted: `ferretdb ${FERRETDB.version} built by scripts/install-ferretdb.sh`,
    canInstall: () => hasTool('go'),
    noInstaller: 'go is not installed',
    script: 'install-ferretdb.sh',
    ...options,
  });
}

/** `mailpit` on PATH or in Go's bin folder; built with Go (scripts/install-mailpit.sh) when missing. */
export function findMailpit(options: { install: boolean; log: (message: string) => void }): BinaryLookup {
  const dirs = [...pathDirs(), goBinDir()];
  return findOrInstall(dirs, MAILPIT.binary, {
    accepts: (version) => version.includes(`mailpit ${MAILPIT.version}`),
    wanted: `mailpit ${MAILPIT.version} built by scripts/install-mailpit.sh`,
    canInstall: () => hasTool('go'),
    noInstaller: 'go is not installed',
    script: 'install-mailpit.sh',
    versionArgs: ['version', '--no-release-check'],
    ...options,
  });
}

interface Lookup {
  accepts: (versionText: string) => boolean;
  wanted: string;
  canInstall: () => boolean;
  noInstaller: string;
  script: string;
  /** How the binary prints its version (default `--version`). */
  versionArgs?: string[];
  install: boolean;
  log: (message: string) => void;
}

function findOrInstall(dirs: (string | undefined)[], name: string, lookup: Lookup): BinaryLookup {
  const found = locate(dirs, name);
  const args = lookup.versionArgs ?? ['--version'];
  if (found && lookup.accepts(versionOf(found, args))) return { path: found };
  const problem = found ? `${found} is not ${lookup.wanted}` : `no ${name} binary`;
  if (!lookup.install) return { reason: problem };
  if (!lookup.canInstall()) return { reason: `${problem} and ${lookup.noInstaller}` };
  lookup.log(
    `${lookup.script === 'install-mailpit.sh' ? 'mail' : 'engine'}: ${problem}; building it with scripts/${lookup.script} (first start only)`,
  );
  try {
    execFileSync('bash', [join(scripts, lookup.script)], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    return { reason: `scripts/${lookup.script} failed (${(error as Error).message.split('\n')[0]})` };
  }
  const built = locate(dirs.concat(cargoBinDir(), goBinDir()), name);
  if (built && lookup.accepts(versionOf(built, args))) return { path: built };
  return { reason: `scripts/${lookup.script} ran but no ${lookup.wanted} was found` };
}

function locate(dirs: (string | undefined)[], name: string): string | undefined {
  for (const dir of dirs) {
    const candidate = dir && join(dir, name);
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function versionOf(binary: string, args: string[]): string {
  try {
    return execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function pathDirs(): string[] {
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean);
}

function cargoBinDir(): string {
  return join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');
}

function goBinDir(): string | undefined {
  try {
    const gobin = execFileSync('go', ['env', 'GOBIN'], { encoding: 'utf8' }).trim();
    if (gobin) return gobin;
    return join(execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim(), 'bin');
  } catch {
    return undefined; // no Go toolchain
  }
}

function hasTool(tool: string): boolean {
  if (tool === 'cargo' && existsSync(join(cargoBinDir(), 'cargo'))) return true;
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
