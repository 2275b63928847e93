import { describe, expect, it } from 'vitest';
import { isLabId, labIdFromBytes, labPrefix, splitLabPath } from './lab-id.ts';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';

describe('lab ids in server01 URLs', () => {
  it('takes the lab from the /l/<id>/ prefix and gives the routes the rest', () => {
    expect(splitLabPath(`/l/${ID}/getData.html?x=1`)).toEqual({ lab: ID, path: '/getData.html?x=1' });
    expect(splitLabPath(`/l/${ID}`)).toEqual({ lab: ID, path: '/' });
  });

  it('keeps the classic URLs in the default lab', () => {
    expect(splitLabPath('/getData.html')).toEqual({ lab: 'default', path: '/getData.html' });
  });

  it('leaves a prefix that is not a lab id whole, so it answers 404 in the default lab', () => {
    expect(splitLabPath('/l/short/getData.html')).toEqual({ lab: 'default', path: '/l/short/getData.html' });
    expect(splitLabPath('/l/../getData.html')).toEqual({ lab: 'default', path: '/l/../getData.html' });
  });

  it('round-trips through labPrefix', () => {
    expect(splitLabPath(`${labPrefix(ID)}/login`)).toEqual({ lab: ID, path: '/login' });
    expect(labPrefix('default')).toBe('');
  });

  it('makes 22-character ids from 16 random bytes', () => {
    const id = labIdFromBytes(new Uint8Array(16).map((_, i) => i * 17));
    expect(id).toHaveLength(22);
    expect(isLabId(id)).toBe(true);
    expect(isLabId('not an id')).toBe(false);
    expect(isLabId('default')).toBe(true);
  });
});
