/**
 * TypeScript's compiler API (the copy @ts-morph/common bundles), loaded without the rest of
 * ts-morph and @ts-morph/common: the compiler uses none of their wrappers, and requiring them
 * read and compiled about 6 MB more JavaScript on every run. Import it as
 * `import ts = require('./typescript')`; type-only uses may keep `import type { ts } from 'ts-morph'`.
 */
import ts = require('@ts-morph/common/dist/typescript.js');

export = ts;
