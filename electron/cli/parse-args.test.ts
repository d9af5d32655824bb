import { describe, expect, it } from 'vitest';
import { intFlag, parseArgs, UsageError } from './parse-args';

describe('parseArgs', () => {
  const known = ['resolution', 'json', 'port'];
  it('separates command, positionals, flags and switches', () => {
    const a = parseArgs(['create', 'a b.tessera', '--resolution', '6', '--json', '--port=9'], known, ['json']);
    expect(a.command).toBe('create');
    expect(a.positionals).toEqual(['a b.tessera']);
    expect(a.flags.get('resolution')).toBe('6');
    expect(a.flags.get('json')).toBe(true);
    expect(intFlag(a.flags, 'port', 0, 0, 10)).toBe(9);
  });

  it('reports unknown options, missing values and out-of-range numbers', () => {
    expect(() => parseArgs(['x', '--nope'], known, [])).toThrow(UsageError);
    expect(() => parseArgs(['x', '--resolution'], known, [])).toThrow(/needs a value/);
    const a = parseArgs(['x', '--resolution', '16'], known, []);
    expect(() => intFlag(a.flags, 'resolution', 7, 0, 15)).toThrow(/0 to 15/);
  });
});
