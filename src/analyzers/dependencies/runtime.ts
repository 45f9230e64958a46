import type { RuntimeChangedFact } from '../../model/facts/dependencies.js';
import { moveOf } from './versions.js';

const VERSION_FILES: Record<string, string> = {
  '.nvmrc': 'node',
  '.node-version': 'node',
  '.python-version': 'python',
  '.ruby-version': 'ruby',
  '.java-version': 'java',
  '.go-version': 'go',
  '.bun-version': 'bun',
};

const base = (path: string) => path.split('/').pop() ?? path;

export function versionFileRuntime(path: string): string | undefined {
  return VERSION_FILES[base(path)];
}

export function isToolVersions(path: string): boolean {
  return base(path) === '.tool-versions';
}

export function isDockerfile(path: string): boolean {
  const name = base(path).toLowerCase();
  return name === 'dockerfile' || name === 'containerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile');
}

/** The version a version file (`.nvmrc`…) names: the first word of its first meaningful line, without a comment. */
function firstVersion(text: string): { version: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.replace(/#.*$/, '').trim() !== '');
  return i < 0 ? undefined : { version: lines[i]!.replace(/#.*$/, '').trim().split(/\s+/)[0]!, line: i + 1 };
}

export function versionFileMoves(path: string, runtime: string, from: string | undefined, to: string | undefined): RuntimeChangedFact[] {
  const a = from === undefined ? undefined : firstVersion(from);
  const b = to === undefined ? undefined : firstVersion(to);
  const move = moveOf(a?.version, b?.version);
  return move ? [{ kind: 'runtime.changed', path, line: a?.line ?? b?.line, runtime, source: 'version-file', ...move }] : [];
}

function toolVersions(text: string | undefined): Map<string, { version: string; line: number }> {
  const tools = new Map<string, { version: string; line: number }>();
  (text ?? '').split(/\r?\n/).forEach((raw, i) => {
    const [tool, version] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (tool && version && !tools.has(tool)) tools.set(tool, { version, line: i + 1 });
  });
  return tools;
}

export function toolVersionsMoves(path: string, from: string | undefined, to: string | undefined): RuntimeChangedFact[] {
  const a = toolVersions(from);
  const b = toolVersions(to);
  const facts: RuntimeChangedFact[] = [];
  for (const tool of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const move = moveOf(a.get(tool)?.version, b.get(tool)?.version);
    if (move)
      facts.push({
        kind: 'runtime.changed',
        path,
        line: a.get(tool)?.line ?? b.get(tool)?.line,
        runtime: tool === 'nodejs' ? 'node' : tool,
        source: 'tool-versions',
        ...move,
      });
  }
  return facts;
}

interface BaseImage {
  image: string;
  tag?: string;
  digest?: string;
  stage?: string;
  line: number;
}

/** `FROM` lines of a Dockerfile, with `${ARG}` defaults filled in. */
export function baseImages(text: string): BaseImage[] {
  const args = new Map<string, string>();
  const images: BaseImage[] = [];
  const stages = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const start = i;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    const arg = /^\s*ARG\s+([A-Za-z_][\w]*)\s*=\s*"?([^"\s]+)"?/i.exec(line);
    if (arg) args.set(arg[1]!, arg[2]!);
    const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!from) continue;
    const ref = from[1]!.replace(
      /\$\{?([A-Za-z_]\w*)(?::-([^}]*))?\}?/g,
      (_m, name: string, fallback?: string) => args.get(name) ?? fallback ?? `$${name}`,
    );
    const stage = from[2]?.toLowerCase();
    if (stages.has(ref.toLowerCase())) {
      if (stage) stages.add(stage);
      continue; // an earlier build stage, not an image
    }
    if (stage) stages.add(stage);
    const [name, digest] = ref.split('@');
    const colon = name!.lastIndexOf(':');
    const slash = name!.lastIndexOf('/');
    const tagged = colon > slash;
    images.push({
      image: tagged ? name!.slice(0, colon) : name!,
      tag: tagged ? name!.slice(colon + 1) : undefined,
      digest,
      stage,
      line: start + 1,
    });
  }
  return images;
}

const refOf = (b: BaseImage) => `${b.image}${b.tag ? `:${b.tag}` : ''}${b.digest ? `@${b.digest}` : ''}`;

export function dockerfileMoves(path: string, from: string | undefined, to: string | undefined): RuntimeChangedFact[] {
  const a = baseImages(from ?? '');
  const b = baseImages(to ?? '');
  const facts: RuntimeChangedFact[] = [];
  const used = new Set<number>();
  // Pair stages by name, else by image, else by position.
  const partner = (image: BaseImage, index: number): number => {
    const byStage = image.stage ? b.findIndex((o, j) => !used.has(j) && o.stage === image.stage) : -1;
    if (byStage >= 0) return byStage;
    const byImage = b.findIndex((o, j) => !used.has(j) && o.image === image.image);
    if (byImage >= 0) return byImage;
    return index < b.length && !used.has(index) ? index : -1;
  };
  a.forEach((image, i) => {
    const j = partner(image, i);
    if (j < 0) {
      facts.push({
        kind: 'runtime.changed',
        path,
        line: image.line,
        runtime: image.image,
        source: 'dockerfile',
        rollback: 'removes',
        from: refOf(image),
      });
      return;
    }
    used.add(j);
    const other = b[j]!;
    if (refOf(image) === refOf(other)) return;
    const variant = (tag?: string) => tag?.replace(/^v?\d+(\.\d+)*/, '') ?? '';
    const comparable = image.image === other.image && image.tag && other.tag && variant(image.tag) === variant(other.tag);
    const move = comparable ? moveOf(image.tag, other.tag) : undefined;
    const whole = { from: refOf(image), to: refOf(other) };
    facts.push({
      kind: 'runtime.changed',
      path,
      line: image.line,
      runtime: image.image,
      source: 'dockerfile',
      ...(move && move.rollback !== 'changes' ? { ...move, ...whole } : { rollback: 'changes' as const, ...whole }),
    });
  });
  b.forEach((image, j) => {
    if (!used.has(j))
      facts.push({
        kind: 'runtime.changed',
        path,
        line: image.line,
        runtime: image.image,
        source: 'dockerfile',
        rollback: 'restores',
        to: refOf(image),
      });
  });
  return facts;
}
