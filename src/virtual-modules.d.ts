// Modules that exist only inside the site's build (Vite virtual modules).

/** A file kind's JSON Schema, precompiled by src/site/schema-validators.ts (e.g. …/response). */
declare module 'virtual:touchstone/schema-validator/*' {
  import type { ValidateFunction } from 'ajv/dist/2020.js';
  const validate: ValidateFunction;
  export default validate;
}
