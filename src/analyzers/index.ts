import type { Analyzer } from './analyzer.js';
import { filesAnalyzer } from './files/analyzer.js';
import { volumeAnalyzer } from './volume/analyzer.js';
import { endpointsAnalyzer } from './endpoints/analyzer.js';

/** Every analyzer, in the order they run. Later issues add theirs here. */
export const ANALYZERS: readonly Analyzer[] = [volumeAnalyzer, filesAnalyzer,
  endpointsAnalyzer];
