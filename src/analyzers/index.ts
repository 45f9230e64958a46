import type { Analyzer } from './analyzer.js';
import { filesAnalyzer } from './files/analyzer.js';
import { suppressionsAnalyzer } from './suppressions/analyzer.js';
import { volumeAnalyzer } from './volume/analyzer.js';
import { contractsAnalyzer } from './contracts/analyzer.js';
import { migrationsAnalyzer } from './migrations/analyzer.js';
import { configAnalyzer } from './config/analyzer.js';
import { dependenciesAnalyzer } from './dependencies/analyzer.js';
import { infrastructureAnalyzer } from './infrastructure/analyzer.js';
import { endpointsAnalyzer } from './endpoints/analyzer.js';
import { historyAnalyzer } from './history/analyzer.js';

/** Every analyzer, in the order they run. */
export const ANALYZERS: readonly Analyzer[] = [
  volumeAnalyzer,
  filesAnalyzer,
  suppressionsAnalyzer,
  contractsAnalyzer,
  migrationsAnalyzer,
  configAnalyzer,
  dependenciesAnalyzer,
  infrastructureAnalyzer,
  endpointsAnalyzer,
  historyAnalyzer,
];
