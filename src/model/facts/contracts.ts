/** What part of a contract changed. Rules pick the aspects they judge. */
export type ContractAspect =
  | 'export'
  | 'signature'
  | 'property'
  | 'type'
  | 'index-signature'
  | 'class-member'
  | 'enum-member'
  | 'package-exports'
  | 'package-bin'
  | 'package-engines'
  | 'package-peer'
  | 'graphql';

/**
 * `removed` and `narrowed`: consumers built against `from` break at `to`. `changed`: different in a way that
 * cannot be shown to be compatible (judged as breaking). `widened`: `to` accepts or offers more (information).
 */
export type ContractChangeKind = 'removed' | 'narrowed' | 'changed' | 'widened';

/** An exported API (or package/schema contract) that differs between the running release and the target. */
export interface ContractChangeFact {
  kind: 'contract.change';
  /** File at `from` that declares the thing (or package.json / the schema file). */
  path: string;
  line?: number;
  /**
   * `public`: reachable from an entry point of a package whose consumers do not roll back with the release (published,
   * or used outside the analysed scope); `internal`: exported by a changed module that only code rolling back with it uses.
   */
  surface: 'public' | 'internal';
  /** How consumers reach it: the package entry (`@acme/core`, `@acme/core/utils`) or the module path. */
  entry: string;
  /** Exported name as consumers see it, with the member for members (`User.email`, `Client.send`). */
  symbol: string;
  aspect: ContractAspect;
  change: ContractChangeKind;
  /** What changed, in a few words (`parameter emails became required`). */
  detail: string;
  /** The declaration at `from` and at `to` (absent when removed). */
  before: string;
  after?: string;
  /** `path:line` of the declaration at each side. */
  fromAt: string;
  toAt?: string;
}
