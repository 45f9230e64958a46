// The output formats by name, with what each is for: the help, the error hints and the reporter table
// (src/report/index.ts, checked against this list by the compiler) all derive from it. Loads nothing.

export const FORMATS = {
  text: 'the plain report',
  json: 'the report contract, one JSON object',
  markdown: 'the pull-request comment',
  sarif: 'SARIF 2.1.0, for code scanning',
  gitlab: 'GitLab Code Quality',
} as const;

export type Format = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(FORMATS, name);
}
