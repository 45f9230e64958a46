import type { Declaration, Member, Shape, Signature } from './api.js';
import type { ContractAspect, ContractChangeKind } from '../../model/facts/contracts.js';
import { append } from '../../util/arrays.js';

// Compares one exported declaration at `from` with the same export at `to`, by syntax alone.
// Direction: a consumer was built against `from`; what it uses must still be there at `to`.

export interface DeclarationChange {
  /** Member path appended to the export name (`.email`, `.constructor`), or '' for the export itself. */
  member: string;
  aspect: ContractAspect;
  change: ContractChangeKind;
  detail: string;
  before: string;
  after?: string;
  fromLine: number;
  toLine?: number;
}

const BREAKING: ContractChangeKind[] = ['removed', 'narrowed', 'changed'];
export const isBreaking = (change: ContractChangeKind) => BREAKING.includes(change);

const members = (type: string) => new Set(type.split(' | '));

/**
 * How a type changed for a value flowing INTO the API (parameters, constructed properties):
 * fewer union members at `to` is narrower, more is wider, anything else is a change.
 */
export function inputTypeChange(before: string, after: string): ContractChangeKind | undefined {
  if (!before || !after || before === after) return undefined;
  const b = members(before);
  const a = members(after);
  if ([...a].every((t) => b.has(t))) return 'narrowed';
  if ([...b].every((t) => a.has(t))) return 'widened';
  return 'changed';
}

/** For a value flowing OUT of the API (return types): more union members at `to` breaks readers. */
export function outputTypeChange(before: string, after: string): ContractChangeKind | undefined {
  const input = inputTypeChange(before, after);
  return input === 'narrowed' ? 'widened' : input === 'widened' ? 'narrowed' : input;
}

export function signatureText(name: string, s: Signature): string {
  return `${name}(${s.params.map((p) => p.display).join(', ')})${s.returns ? `: ${s.returns}` : ''}`;
}

const signatureKey = (s: Signature) =>
  `${s.params.map((p) => `${p.rest ? '...' : ''}${p.optional ? '?' : ''}${p.type}`).join(',')}=>${s.returns}`;

/** What a caller of `before` meets when it calls `after`. */
function compareSignature(before: Signature, after: Signature): { change: ContractChangeKind; detail: string }[] {
  const out: { change: ContractChangeKind; detail: string }[] = [];
  const n = Math.max(before.params.length, after.params.length);
  for (let i = 0; i < n; i++) {
    const b = before.params[i];
    const a = after.params[i];
    if (b && !a) {
      out.push({ change: 'narrowed', detail: `${b.rest ? 'rest ' : ''}parameter ${b.name} removed` });
      continue;
    }
    if (!b && a) {
      if (!a.optional) out.push({ change: 'narrowed', detail: `required parameter ${a.name} added` });
      else out.push({ change: 'widened', detail: `optional parameter ${a.name} added` });
      continue;
    }
    if (!a || !b) continue;
    if (b.optional && !a.optional) out.push({ change: 'narrowed', detail: `parameter ${b.name} became required` });
    else if (!b.optional && a.optional) out.push({ change: 'widened', detail: `parameter ${b.name} became optional` });
    const type = inputTypeChange(b.type, a.type);
    if (type) out.push({ change: type, detail: `parameter ${b.name} type ${b.type} → ${a.type}` });
  }
  const returns = outputTypeChange(before.returns, after.returns);
  if (returns) out.push({ change: returns, detail: `return type ${before.returns} → ${after.returns}` });
  return out;
}

function compareSignatures(
  name: string,
  member: string,
  before: Signature[],
  after: Signature[],
  aspect: ContractAspect,
): DeclarationChange[] {
  const beforeText = before.map((s) => signatureText(name, s)).join('; ');
  const afterText = after.map((s) => signatureText(name, s)).join('; ');
  const base = { member, aspect, before: beforeText, after: afterText, fromLine: before[0]?.line ?? 0, toLine: after[0]?.line };
  if (before.length === 1 && after.length === 1) {
    // One finding per signature: what breaks callers, and separately what only widens.
    const changes = compareSignature(before[0]!, after[0]!);
    const breaking = changes.filter((c) => isBreaking(c.change));
    const widened = changes.filter((c) => !isBreaking(c.change));
    const merged: DeclarationChange[] = [];
    if (breaking.length > 0) {
      const change = breaking.some((c) => c.change === 'changed') ? 'changed' : 'narrowed';
      merged.push({ ...base, change, detail: breaking.map((c) => c.detail).join('; ') });
    }
    if (widened.length > 0) merged.push({ ...base, change: 'widened', detail: widened.map((c) => c.detail).join('; ') });
    return merged;
  }
  const kept = new Set(after.map(signatureKey));
  const out: DeclarationChange[] = [];
  for (const s of before) {
    if (!kept.has(signatureKey(s)))
      out.push({ ...base, change: 'narrowed', detail: `overload ${signatureText(name, s)} removed`, fromLine: s.line });
  }
  if (out.length === 0 && after.length > before.length) out.push({ ...base, change: 'widened', detail: 'overload added' });
  return out;
}

function compareMember(owner: string, key: string, b: Member, a: Member, inClass: boolean): DeclarationChange[] {
  const member = `.${key.replace(/^static /, '')}`;
  const base = { member, before: b.text, after: a.text, fromLine: b.line, toLine: a.line };
  const out: DeclarationChange[] = [];
  const rank = { public: 0, protected: 1, private: 2 } as const;
  if (rank[a.visibility] > rank[b.visibility])
    out.push({ ...base, aspect: 'class-member', change: 'narrowed', detail: `${b.name} became ${a.visibility}` });
  if (b.kind === 'method' && a.kind === 'method') {
    append(
      out,
      compareSignatures(`${owner}${member}`, member, b.signatures, a.signatures, 'signature').map((c) => ({
        ...c,
        fromLine: b.line,
        toLine: a.line,
      })),
    );
    if (!b.optional && a.optional)
      out.push({ ...base, aspect: 'signature', change: 'narrowed', detail: `method ${b.name} became optional` });
    return out;
  }
  if (b.kind === 'method' || a.kind === 'method') {
    out.push({
      ...base,
      aspect: inClass ? 'class-member' : 'property',
      change: 'changed',
      detail: `${b.name} changed from ${b.kind} to ${a.kind}`,
    });
    return out;
  }
  const aspect: ContractAspect = 'property';
  if (b.optional && !a.optional) out.push({ ...base, aspect, change: 'narrowed', detail: `property ${b.name} became required` });
  else if (!b.optional && a.optional) out.push({ ...base, aspect, change: 'widened', detail: `property ${b.name} became optional` });
  if (!b.readonly && a.readonly) out.push({ ...base, aspect, change: 'narrowed', detail: `property ${b.name} became readonly` });
  const type = inputTypeChange(b.type, a.type);
  if (type) out.push({ ...base, aspect, change: type, detail: `property ${b.name} type ${b.type} → ${a.type}` });
  return out;
}

function compareMembers(owner: string, before: Map<string, Member>, after: Map<string, Member>, inClass: boolean): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  for (const [key, b] of before) {
    if (inClass && b.visibility === 'private') continue;
    const a = after.get(key);
    if (!a) {
      out.push({
        member: `.${key.replace(/^static /, '')}`,
        aspect: inClass ? 'class-member' : 'property',
        change: 'removed',
        detail: `${inClass ? 'member' : 'property'} ${b.name} removed`,
        before: b.text,
        fromLine: b.line,
      });
      continue;
    }
    append(out, compareMember(owner, key, b, a, inClass));
  }
  for (const [key, a] of after) {
    if (before.has(key)) continue;
    if (!inClass && !a.optional && a.kind !== 'method') {
      out.push({
        member: `.${key}`,
        aspect: 'property',
        change: 'narrowed',
        detail: `required property ${a.name} added`,
        before: '(absent)',
        after: a.text,
        fromLine: 0,
        toLine: a.line,
      });
    }
  }
  return out;
}

export function compareDeclarations(name: string, before: Declaration, after: Declaration): DeclarationChange[] {
  const b = before.shape;
  const a = after.shape;
  const whole = { member: '', before: before.text, after: after.text, fromLine: before.line, toLine: after.line };
  if (b.kind !== a.kind && !(b.kind === 'variable' && a.kind === 'function') && !(b.kind === 'function' && a.kind === 'variable')) {
    return [{ ...whole, aspect: 'export', change: 'changed', detail: `${describe(b)} at from, ${describe(a)} at to` }];
  }
  const out: DeclarationChange[] = [];
  const fix = (changes: DeclarationChange[]) => changes.map((c) => ({ ...c, fromLine: c.fromLine || before.line }));
  if (b.kind === 'function' && a.kind === 'function') append(out, compareSignatures(name, '', b.signatures, a.signatures, 'signature'));
  else if (b.kind === 'variable' && a.kind === 'variable') {
    const type = inputTypeChange(b.type, a.type);
    if (type)
      out.push({ ...whole, aspect: 'type', change: type === 'widened' ? 'widened' : 'changed', detail: `type ${b.type} → ${a.type}` });
  } else if (b.kind !== a.kind) {
    if (b.kind === 'function')
      out.push({ ...whole, aspect: 'export', change: 'changed', detail: 'a function at from, a value of unknown type at to' });
  } else if (b.kind === 'type' && a.kind === 'type') {
    const type = inputTypeChange(b.type, a.type);
    if (type) out.push({ ...whole, aspect: 'type', change: type, detail: `type ${b.type} → ${a.type}` });
  } else if (b.kind === 'enum' && a.kind === 'enum') {
    for (const [key, m] of b.members) {
      const at = a.members.get(key);
      if (!at)
        out.push({
          ...whole,
          member: `.${key}`,
          aspect: 'enum-member',
          change: 'removed',
          detail: `member ${key} removed`,
          before: `${key} = ${m.value}`,
          after: undefined,
          fromLine: m.line,
          toLine: undefined,
        });
      else if (at.value !== m.value)
        out.push({
          ...whole,
          member: `.${key}`,
          aspect: 'enum-member',
          change: 'changed',
          detail: `member ${key} value ${m.value} → ${at.value}`,
          before: `${key} = ${m.value}`,
          after: `${key} = ${at.value}`,
          fromLine: m.line,
          toLine: at.line,
        });
    }
  } else if (b.kind === 'interface' && a.kind === 'interface') {
    append(out, compareMembers(name, b.members, a.members, false));
    for (const [key, m] of b.index) {
      const at = a.index.get(key);
      if (!at)
        out.push({
          member: `[${key}]`,
          aspect: 'index-signature',
          change: 'removed',
          detail: `index signature [${key}] removed`,
          before: m.text,
          fromLine: m.line,
        });
      else {
        const type = inputTypeChange(m.type, at.type);
        if (type)
          out.push({
            member: `[${key}]`,
            aspect: 'index-signature',
            change: type,
            detail: `index signature [${key}] type ${m.type} → ${at.type}`,
            before: m.text,
            after: at.text,
            fromLine: m.line,
            toLine: at.line,
          });
      }
    }
    if (b.calls.length > 0 || a.calls.length > 0) append(out, compareSignatures(name, '()', b.calls, a.calls, 'signature'));
    append(out, compareHeritage(whole, b.heritage, a.heritage));
  } else if (b.kind === 'class' && a.kind === 'class') {
    if (b.ctors.length > 0 || a.ctors.length > 0) {
      const ctor = (list: Signature[]) => (list.length > 0 ? list : [{ params: [], returns: '', line: before.line }]);
      append(out, compareSignatures(`new ${name}`, '.constructor', ctor(b.ctors), ctor(a.ctors), 'signature'));
    }
    append(out, compareMembers(name, b.members, a.members, true));
    append(out, compareHeritage(whole, b.heritage, a.heritage));
  }
  return fix(out);
}

function compareHeritage(
  whole: Omit<DeclarationChange, 'aspect' | 'change' | 'detail'>,
  before: string[],
  after: string[],
): DeclarationChange[] {
  const lost = before.filter((h) => !after.includes(h));
  return lost.length > 0 ? [{ ...whole, aspect: 'type', change: 'changed', detail: `no longer ${lost.join(', ')}` }] : [];
}

export function describe(shape: Shape): string {
  return shape.kind === 'type'
    ? 'a type alias'
    : shape.kind === 'interface'
      ? 'an interface or object type'
      : shape.kind === 'enum'
        ? 'an enum'
        : `a ${shape.kind}`;
}
