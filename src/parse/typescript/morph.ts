import type * as Morph from 'ts-morph';
import { tsMorph } from './compiler.js';

// ts-morph's `Node` guards and `SyntaxKind`, for the analyzers that walk code with ts-morph's wrappers. They come
// from `tsMorph()`, which loads ts-morph with `require` and from the code cache: an ES import of ts-morph would
// lex and compile its bundles on every run. Importing this module loads ts-morph, so only the modules that walk
// wrappers (loaded on demand) import it.

const morph = tsMorph();

export const Node: typeof Morph.Node = morph.Node;
export type Node = Morph.Node;
export const SyntaxKind: typeof Morph.SyntaxKind = morph.SyntaxKind;
export type SyntaxKind = Morph.SyntaxKind;
