// jscodeshift ships its test utilities under dist/; @types/jscodeshift describes them under src/.
declare module 'jscodeshift/dist/testUtils' {
  export * from 'jscodeshift/src/testUtils';
}
