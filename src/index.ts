// The programmatic API: `analyzeRollback` returns the same report object the CLI prints.
export { analyzeRollback, type AnalyzeOptions } from './engine/analyze.js';
export { sharedParses, type SharedParses } from './engine/trees.js';
export type * from './model/report.js';
export { configSchema, type Config } from './config/schema.js';
export { defaultConfig } from './config/default-config.js';
export { RULES, RULE_LIST } from '../rules/index.js';
