import type { Analyzer } from './analyzer.js';
import { filesAnalyzer } from './files/analyzer.js';
import { volumeAnalyzer } from './volume/analyzer.js';
import { configAnalyzer } from './config/analyzer.js';
import { dependenciesAnalyzer } from './dependencies/analyzer.js';
import { infrastructureAnalyzer } from './infrastructure/analyzer.js';

/** Every analyzer, in the order they run. Later issues add theirs here. */
export const ANALYZERS: readonly Analyzer[] = [volumeAnalyzer, filesAnalyzer,
  configAnalyzer,
  dependenciesAnalyzer,
  infrastructureAnalyzer,
];
