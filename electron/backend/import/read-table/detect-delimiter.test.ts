import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter';

describe('detectDelimiter', () => {
  it('finds each candidate', () => {
    expect(detectDelimiter('id,name,x\n1,A,2\n2,B,3\n')).toBe(',');
    expect(detectDelimiter('id;name;x\n1;A;2\n2;B;3\n')).toBe(';');
    expect(detectDelimiter('id\tname\tx\n1\tA\t2\n2\tB\t3\n')).toBe('\t');
    expect(detectDelimiter('id|name|x\n1|A|2\n2|B|3\n')).toBe('|');
  });

  it('picks ; for a European CSV with decimal commas', () => {
    expect(detectDelimiter('id;name;revenue;lat\n1;A;1234,5;48,1\n2;B;99,25;47,9\n3;C;7;46\n')).toBe(';');
    // Even when every data row has exactly one decimal comma.
    expect(detectDelimiter('id;revenue\n1;1,5\n2;2,5\n3;3,5\n')).toBe(';');
  });

  it('ignores delimiters inside quoted fields', () => {
    expect(detectDelimiter('id,note\n1,"a;b;c"\n2,"d;e"\n3,"x;y;z;w"\n')).toBe(',');
    expect(detectDelimiter('id;note\n1;"a, b, c"\n2;"line\nbreak, here"\n')).toBe(';');
  });

  it('prefers tab on a tie, and gives , for one column', () => {
    expect(detectDelimiter('a\tb,c\n1\t2,3\n')).toBe('\t');
    expect(detectDelimiter('zip\n01234\n98765\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('tolerates a cut last line and a few ragged rows', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,1')).toBe(',');
  });
});
