import type { InfrastructureKind } from '../../model/facts/infrastructure.js';
import { isCi, isDockerfile } from '../../parse/kinds.js';

const base = (path: string) => path.split('/').pop() ?? path;

/** The kind of infrastructure a path is by its name alone (Helm, Pulumi and Kubernetes need more). */
export function infrastructureKindByName(path: string): InfrastructureKind | undefined {
  const name = base(path);
  if (isCi(path)) return 'ci';
  if (isDockerfile(path) || name === '.dockerignore') return 'container';
  if (/\.(tf|tofu|tfvars|tf\.json|tfvars\.json)$/.test(name) || name === '.terraform.lock.hcl' || name === 'terragrunt.hcl')
    return 'terraform';
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose';
  if (/^Pulumi(\.[\w-]+)?\.ya?ml$/.test(name)) return 'pulumi';
  if (name === 'Chart.yaml' || name === 'Chart.lock') return 'helm';
  if (/^kustomization\.ya?ml$/.test(name) || name === 'Kustomization') return 'kustomize';
  return undefined;
}

/** Folders above a path, nearest first (`a/b/c.yaml` → `a/b`, `a`, ``). */
export function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push(parts.slice(0, i).join('/'));
  return out;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** `Deployment/api` for each document that is a Kubernetes object, or empty. */
export function kubernetesObjects(docs: unknown[]): string[] {
  const out: string[] = [];
  for (const doc of docs) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) continue;
    const d = doc as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    if (typeof d.apiVersion === 'string' && typeof d.kind === 'string') {
      out.push(typeof d.metadata?.name === 'string' ? `${d.kind}/${d.metadata.name}` : d.kind);
    }
  }
  return out;
}

// What a workflow does beyond building and testing: ship an image or a package, or change an environment.
const SHIPS =
  /\b(deploy\w*|publish\w*|release[sd]?|docker\s+push|push:\s*true|build-push-action|helm|kubectl|terraform|pulumi|flyctl|vercel|netlify|wrangler|serverless|aws|gcloud|azure|heroku|railway|render\.com|environment:|registry|ghcr\.io|npm\s+publish|changesets\/action|semantic-release|goreleaser)\b/i;

/** A CI workflow that only builds, tests, lints or checks docs (nothing it ships or deploys). */
export function checksOnly(text: string): boolean {
  return !SHIPS.test(text);
}
