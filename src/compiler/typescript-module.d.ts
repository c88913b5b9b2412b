/** The bundled compiler file has no declarations of its own; it is the `ts` namespace @ts-morph/common re-exports. */
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common';
  export = ts;
}
