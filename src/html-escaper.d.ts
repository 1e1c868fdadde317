// html-escaper ships no types; Touchstone uses only this function of it.
declare module 'html-escaper' {
  /** Escapes & < > ' " for HTML text and quoted attribute values. */
  export function escape(text: string): string;
}
