import { isDeepStrictEqual } from 'node:util';
import { readYamlDocument } from '../../parse/structured.js';
import { yaml } from '../../parse/yaml.js';
import { lockfileOf } from '../../parse/kinds.js';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { sameStructuredValue, structuredAt } from '../structured.js';
import type { ChangedFile, Side } from '../../model/report.js';
import type { InfrastructureChangedFact, InfrastructureKind } from '../../model/facts/infrastructure.js';
import { ancestors, checksOnly, infrastructureKindByName, isYamlPath, kubernetesObjects } from './kinds.js';

/**
 * Infrastructure a code rollback does not bring back: container builds, Terraform/OpenTofu, Kubernetes manifests,
 * Helm charts, Kustomize, docker-compose, Pulumi and CI workflows that ship or deploy.
 */
export const infrastructureAnalyzer: Analyzer = {
  name: 'infrastructure',
  async analyze(release: Release): Promise<Fact[]> {
    const facts: Fact[] = [];
    const rootCache = new Map<string, Promise<boolean>>();
    // Is `dir` the root of a Helm chart or Pulumi project at either side?
    const hasFile = (dir: string, name: string): Promise<boolean> => {
      const key = `${dir}\0${name}`;
      let hit = rootCache.get(key);
      if (!hit) {
        const path = dir ? `${dir}/${name}` : name;
        hit = Promise.all((['from', 'to'] as const).map((side) => release.readPath(side, path))).then((sides) =>
          sides.some((c) => c.text !== undefined),
        );
        rootCache.set(key, hit);
      }
      return hit;
    };
    const underRoot = async (path: string, name: string): Promise<string | undefined> => {
      for (const dir of ancestors(path)) if (await hasFile(dir, name)) return dir;
      return undefined;
    };

    for (const file of release.files) {
      // Same parsed value: only comments or layout changed (the files analyzer calls it style-only).
      if (sameStructuredValue(release, file)) continue;
      const paths = [file.path, ...(file.oldPath ? [file.oldPath] : [])];
      let kind = paths.map(infrastructureKindByName).find(Boolean);
      let detail: string | undefined;
      if (!kind && paths.some((p) => isYamlPath(p) || /(^|\/)(templates|crds)\//.test(p) || p.endsWith('.tpl'))) {
        if (await underRoot(file.path, 'Chart.yaml')) kind = 'helm';
      }
      if (!kind && (await underRoot(file.path, 'Pulumi.yaml'))) kind = 'pulumi';
      if (!kind && paths.some(isYamlPath)) {
        const objects = [...new Set([...objectsAt(release, file, 'from'), ...objectsAt(release, file, 'to')])];
        if (objects.length > 0) {
          kind = 'kubernetes';
          detail = objects.slice(0, 5).join(', ') + (objects.length > 5 ? ` (+${objects.length - 5} more)` : '');
        }
      }
      if (!kind) continue;
      if (kind === 'ci') {
        const text = release.content(file, file.fromBlob ? 'from' : 'to').text;
        const other = file.fromBlob && file.toBlob ? release.content(file, 'to').text : '';
        if (text !== undefined && other !== undefined && checksOnly(text) && checksOnly(other)) {
          facts.push({
            kind: 'file.classified',
            path: file.path,
            category: 'tests',
            reason: 'CI workflow that only builds, tests or checks: it ships nothing a rollback runs',
          });
          continue;
        }
      }
      if (kind === 'helm' && file.path.endsWith('Chart.yaml')) detail = chartVersions(release, file);
      if (kind === 'compose') detail = composeServices(release, file);
      const status: InfrastructureChangedFact['status'] =
        file.status === 'added' ? 'added' : file.status === 'deleted' ? 'deleted' : file.status === 'renamed' ? 'renamed' : 'modified';
      facts.push({ kind: 'infrastructure.changed', path: file.path, infraKind: kind, status, ...(detail ? { detail } : {}) });
      facts.push({ kind: 'file.classified', path: file.path, category: 'infrastructure-change', reason: LABELS[kind] });
    }
    return facts;
  },
};

const LABELS: Record<InfrastructureKind, string> = {
  container: 'container build file (Dockerfile)',
  terraform: 'Terraform/OpenTofu configuration',
  kubernetes: 'Kubernetes manifest',
  helm: 'Helm chart',
  kustomize: 'Kustomize configuration',
  compose: 'docker-compose file',
  pulumi: 'Pulumi project',
  ci: 'CI workflow',
};

function objectsAt(release: Release, file: ChangedFile, side: Side): string[] {
  // A lockfile (pnpm-lock.yaml) is never a manifest, and the largest YAML a release has: not parsed for one.
  if ((side === 'from' ? file.fromBlob : file.toBlob) === undefined || lockfileOf(file.path)) return [];
  return kubernetesObjects(structuredAt(release, file, side) ?? []);
}

type Services = Record<string, { image?: unknown } | null>;

/** Services a compose file changes, with image moves (`db postgres:16 → postgres:15 at the target`). */
function composeServices(release: Release, file: ChangedFile): string | undefined {
  const services = (side: Side): Services => {
    const doc = structuredAt(release, file, side)?.[0] as { services?: Services } | undefined;
    return doc && typeof doc.services === 'object' && doc.services !== null ? doc.services : {};
  };
  const from = services('from');
  const to = services('to');
  const changed: string[] = [];
  for (const name of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    const a = from[name];
    const b = to[name];
    if (isDeepStrictEqual(a, b)) continue;
    if (a === undefined) changed.push(`${name} (only at the target)`);
    else if (b === undefined) changed.push(`${name} (removed by the rollback)`);
    else if (a?.image !== b?.image) changed.push(`${name} ${String(a?.image)} → ${String(b?.image)} at the target`);
    else changed.push(name);
  }
  return changed.length > 0 ? `services ${changed.join(', ')}` : undefined;
}

const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function chartVersions(release: Release, file: ChangedFile): string | undefined {
  const chart = (side: Side) => {
    const text = (side === 'from' ? file.fromBlob : file.toBlob) === undefined ? undefined : release.content(file, side).text;
    if (text === undefined) return undefined;
    try {
      // A chart with errors is still read for what it says (the yaml package's `parse`, silenced); the yaml
      // package is loaded only then.
      const read = readYamlDocument(text);
      const doc = (read !== undefined ? read : yaml().parse(text, { logLevel: 'silent' })) as { name?: unknown; version?: unknown } | null;
      return doc && typeof doc === 'object'
        ? { name: scalar(doc.name) ?? pathAt(file, side), version: scalar(doc.version) ?? '?' }
        : undefined;
    } catch {
      return undefined;
    }
  };
  const from = chart('from');
  const to = chart('to');
  if (from && to && from.version !== to.version) return `chart ${from.name} ${from.version} → ${to.version} at the target`;
  return undefined;
}
