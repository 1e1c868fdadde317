import fc from 'fast-check';

/**
 * Random mutations of valid YAML files, for the fuzz tests: a byte, a line deleted, doubled or
 * swapped, a value or a key replaced (with hostile ones among them), a line indented.
 */
const HOSTILE_VALUES = ['', '-1', '4.5', '99999999999999999999', '1e309', '"<script>alert(1)</script>"', '[', '{', '}', '*a', '&a x',
  'n/a', 'null', '~', '!!binary AAAA', '!!js/function "function(){}"', '!!str', 'x'.repeat(5000), '"\\u202e"', '[[[[[[[[[[]]]]]]]]]]',
  '{ __proto__: { x: 1 } }', '2026-02-30', '"javascript:alert(1)"', 'yes', '0x10', '.inf', '\t2'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'x', 'level', 'LEVEL', 'a.b', '"quoted key"', '? complex', 'answers', '- item'];

export type Mutation =
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'delete-line' | 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'value'; at: number; value: string }
  | { kind: 'key'; at: number; key: string }
  | { kind: 'indent'; at: number; by: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 12 })) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '\t', '   ') }),
);

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'byte') {
    const out = new Uint8Array(bytes);
    out[m.at % out.length] = m.byte;
    return out;
  }
  const lines = new TextDecoder().decode(bytes).split('\n');
  const i = m.at % lines.length;
  switch (m.kind) {
    case 'delete-line': lines.splice(i, 1); break;
    case 'duplicate-line': lines.splice(i, 0, lines[i]); break;
    case 'swap-lines': { const j = m.other % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
    case 'value': lines[i] = lines[i].replace(/:\s.*$|:$/, `: ${m.value}`); break;
    case 'key': lines[i] = lines[i].replace(/^(\s*-?\s*)[^:\s][^:]*:/, `$1${m.key}:`); break;
    case 'indent': lines[i] = m.by + lines[i]; break;
  }
  return new TextEncoder().encode(lines.join('\n'));
}
