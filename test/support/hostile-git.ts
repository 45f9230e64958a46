// Repositories whose git configuration names programs: each program only records that it ran (a marker file
// named after it) and fails. A run that leaves the markers folder empty ran none of them.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from './repo.js';

/** Every hook name git knows (githooks(5)). */
export const HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-changelist',
  'p4-prepare-changelist',
  'p4-post-changelist',
  'p4-pre-submit',
  'post-index-change',
];

export class Markers {
  readonly dir: string;
  private readonly bin: string;

  constructor(root = tempDir('rollback-ready-programs-')) {
    this.dir = join(root, 'markers');
    this.bin = join(root, 'bin');
    mkdirSync(this.dir, { recursive: true });
    mkdirSync(this.bin, { recursive: true });
  }

  /** A program that leaves the marker `marker` (with the arguments it got) and exits 1. */
  program(name: string, folder = this.bin, marker = name): string {
    mkdirSync(folder, { recursive: true });
    // A configuration key (`credential.https://example.com.helper`) as a file name.
    marker = marker.replace(/[^\w. -]/g, '_');
    const path = join(folder, name.replace(/[^\w. -]/g, '_'));
    writeFileSync(path, `#!/bin/sh\necho "$@" >> '${join(this.dir, marker)}'\nexit 1\n`);
    chmodSync(path, 0o755);
    return path;
  }

  /** A folder holding every hook, each leaving the marker `hook <name>`. */
  hooks(folder: string): string {
    for (const hook of HOOKS) this.program(hook, folder, `hook ${hook}`);
    return folder;
  }

  fired(): string[] {
    return readdirSync(this.dir).sort();
  }
}

export type SignatureKind = 'openpgp' | 'ssh' | 'x509';

const ARMOR: Record<SignatureKind, string> = { openpgp: 'PGP SIGNATURE', ssh: 'SSH SIGNATURE', x509: 'SIGNED MESSAGE' };

/**
 * A commit on top of `parent` (same tree) carrying a signature header of the given kind. The signature is not
 * valid, but git only finds that out by running the verifying program the configuration names.
 */
export function signedCommit(dir: string, parent: string, kind: SignatureKind): string {
  const tree = git(dir, ['rev-parse', `${parent}^{tree}`]).trim();
  const armor = ARMOR[kind];
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    'author Dev <dev@example.com> 1700500000 +0000',
    'committer Dev <dev@example.com> 1700500000 +0000',
    `gpgsig -----BEGIN ${armor}-----`,
    ' ',
    ' AAAA',
    ` -----END ${armor}-----`,
    '',
    `signed (${kind})`,
    '',
  ].join('\n');
  return execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: dir, input: body, encoding: 'utf8' }).trim();
}

/** Every configuration key that names a program (besides core.hooksPath, a folder of them). */
export const PROGRAM_KEYS = [
  'gpg.program',
  'gpg.openpgp.program',
  'gpg.ssh.program',
  'gpg.x509.program',
  'core.fsmonitor',
  'core.pager',
  'pager.log',
  'core.editor',
  'diff.external',
  'diff.evil.textconv',
  'diff.evil.command',
  'filter.evil.clean',
  'filter.evil.smudge',
  'filter.evil.process',
  'core.sshCommand',
  'credential.helper',
  'core.askPass',
];

/**
 * Sets every configuration key of the repository that can name a program to one of `markers`' programs, and
 * asks for signatures to be shown. `.gitattributes`-driven drivers are named `evil` (diff and filter).
 */
export function configurePrograms(dir: string, markers: Markers): void {
  const set = (key: string, value: string) => git(dir, ['config', key, value]);
  const allowed = join(markers.dir, '..', 'allowed-signers');
  writeFileSync(allowed, '');
  set('log.showSignature', 'true');
  set('gpg.ssh.allowedSignersFile', allowed);
  set('core.hooksPath', markers.hooks(join(markers.dir, '..', 'hooks')));
  for (const key of PROGRAM_KEYS) set(key, markers.program(key));
  // The attributes of the repository itself (not of a tree): the drivers apply to every path.
  const gitDir = git(dir, ['rev-parse', '--absolute-git-dir']).trim();
  mkdirSync(join(gitDir, 'info'), { recursive: true });
  writeFileSync(join(gitDir, 'info', 'attributes'), '* diff=evil filter=evil\n');
}
