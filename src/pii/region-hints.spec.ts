import { findRegionHints, regionsFor } from './region-hints';

const regionsOf = (text: string) => findRegionHints(text).flatMap((hint) => hint.regions);

describe('region hints', () => {
  it('reads cities, countries, two-word names and case-sensitive abbreviations', () => {
    expect(regionsOf("I'm in Lyon")).toContain('FR');
    expect(regionsOf('Port Harcourt, the mechanic')).toContain('NG');
    expect(regionsOf('Vendo geladeira em BH')).toContain('BR');
    expect(regionsOf('my UK mobile')).toContain('GB');
    expect(regionsOf('the bh key')).not.toContain('BR');
  });

  it('reads country-code TLDs, currency signs and scripts', () => {
    expect(regionsOf('mail ada.n@example.com.ng')).toContain('NG');
    expect(regionsOf('R$ 3.500')).toContain('BR');
    expect(regionsOf('携帯は です')).toContain('JP');
    expect(regionsOf('नंबर ९४४४०')).toContain('IN');
  });

  it('does not match a place name inside another word', () => {
    expect(regionsOf('a period of time')).not.toContain('BR');
  });

  it('puts nearby hints before the default region and distant ones after it', () => {
    const hints = [
      { index: 0, regions: ['FR'] },
      { index: 900, regions: ['IT'] },
    ];
    expect(regionsFor(hints, 950, 'US')).toEqual(['IT', 'US', 'FR']);
    expect(regionsFor(hints, 10, 'US')).toEqual(['FR', 'US', 'IT']);
  });
});
