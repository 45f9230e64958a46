import type { ContractChangeFact } from '../../src/model/facts/contracts.js';

export function contractFact(over: Partial<ContractChangeFact>): ContractChangeFact {
  return {
    kind: 'contract.change',
    path: 'src/users.ts',
    line: 9,
    surface: 'public',
    entry: 'shop-api',
    symbol: 'createUser',
    aspect: 'signature',
    change: 'narrowed',
    detail: 'parameter emails became required',
    before: 'createUser(name: string, emails: string[] = []): Promise<User>',
    after: 'createUser(name: string, email: string): Promise<User>',
    fromAt: 'src/users.ts:9',
    toAt: 'src/users.ts:9',
    ...over,
  };
}
