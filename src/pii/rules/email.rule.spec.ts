import { detect } from '../index';

const emails = (text: string) => detect(text).filter((f) => f.type === 'email');
const one = (text: string) => {
  const found = emails(text);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('email rules', () => {
  it('finds a plain address with plus tag, subdomains and a two-level country TLD', () => {
    const f = one('CC me: J.Doe+forum@Mail.Example.CO.UK, thanks.');
    expect(f).toMatchObject({
      text: 'J.Doe+forum@Mail.Example.CO.UK',
      rule: 'email.plain',
      normalized: 'j.doe+forum@mail.example.co.uk',
    });
  });

  it('normalises an internationalised domain to punycode', () => {
    const f = one('Send CVs to jobs@bäckerei-müller.de please');
    expect(f.text).toBe('jobs@bäckerei-müller.de');
    expect(f.normalized).toBe('jobs@xn--bckerei-mller-bfb28a.de');
  });

  it('reports only the address of a mailto link', () => {
    const text = 'write to [the team](mailto:team@example.org)';
    const f = one(text);
    expect(f).toMatchObject({ text: 'team@example.org', rule: 'email.mailto' });
    expect(text.slice(f.start - 7, f.start)).toBe('mailto:');
  });

  it('cuts a domain that runs into the next word back to its real TLD', () => {
    expect(one('mail a@example.com.Thanks').text).toBe('a@example.com');
  });

  it('covers an HTML entity as written', () => {
    expect(one('footer: team&#x40;example.org here')).toMatchObject({
      text: 'team&#x40;example.org',
      rule: 'email.html-entity',
    });
  });

  it('reads full-width and zero-width obfuscations', () => {
    expect(one('mail haruto＠example．jp').rule).toBe('email.unicode');
    expect(one('Paste: kofi\u200b@example.com.gh').text).toBe('kofi\u200b@example.com.gh');
  });

  it.each([
    ['rachel dot moss at example dot com', 'rachel.moss@example.com'],
    ['tanja(at)example(dot)de', 'tanja@example.de'],
    ['dmitri [at] example [dot] org', 'dmitri@example.org'],
    ['peter_k {at} example {dot} at', 'peter_k@example.at'],
    ['elif -at- example -dot- com.tr', 'elif@example.com.tr'],
    ['CLUB AT EXAMPLE DOT ORG', 'club@example.org'],
    ['sec-team[at]example[.]io', 'sec-team@example.io'],
    ['lucas @ example . com . br', 'lucas@example.com.br'],
  ])('reads the spelled-out address "%s" as one span', (written, normalized) => {
    const f = one(`Contact ${written} for the list.`);
    expect(f).toMatchObject({ text: written, normalized, rule: 'email.spelled-at' });
  });

  it('closes up letters typed one by one', () => {
    const f = one('trying again: b e n j i @ e x a m p l e . n e t');
    expect(f).toMatchObject({
      text: 'b e n j i @ e x a m p l e . n e t',
      normalized: 'benji@example.net',
      rule: 'email.spaced-letters',
    });
  });

  it('accepts a webmail name without TLD only for an address-like mailbox', () => {
    expect(one('sofia.m at gmail is quickest')).toMatchObject({
      normalized: 'sofia.m@gmail.com',
      rule: 'email.provider',
    });
    expect(emails('just check at yahoo later')).toEqual([]);
  });

  it('does not read prose around the word "at" as an address', () => {
    expect(emails('Look at example.com for the docs.')).toEqual([]);
    expect(emails('meet me at home dot com')).toEqual([]);
    expect(emails("I'm at example.com all day")).toEqual([]);
    expect(emails('We gather at the old mill, exactly on the dot of seven.')).toEqual([]);
  });

  it('finds the address after a name in "Reach Beatriz at chloe dot ivanova at gmx dot com"', () => {
    expect(one('Reach Beatriz at chloe dot ivanova at gmx dot com.').text).toBe(
      'chloe dot ivanova at gmx dot com',
    );
  });

  it('keeps an apostrophe inside a name and reads a quoted address, but not a contraction', () => {
    expect(one("I emailed o'connor@example.ie but it bounced.").text).toBe("o'connor@example.ie");
    expect(one("Spam alert: 'win@lottery-example.biz' keeps posting.").text).toBe('win@lottery-example.biz');
    expect(emails("it's at example dot com, I think")).toEqual([]);
  });
});

describe('punycode domains', () => {
  const emails = (text: string) => detect(text).filter((f) => f.type === 'email');

  it('accepts a punycode TLD that is on the list in its Unicode form', () => {
    expect(emails('Contact ivan@xn--e1afmkfd.xn--p1ai for the keys.')[0]).toMatchObject({
      text: 'ivan@xn--e1afmkfd.xn--p1ai',
      normalized: 'ivan@xn--e1afmkfd.xn--p1ai',
    });
  });

  it('rejects a label that is not valid punycode', () => {
    expect(emails('user@example.xn--zz9 is a typo')).toEqual([]);
  });

  it('ends an address where Japanese text begins', () => {
    expect(emails('連絡先はtanaka@example.jpまたは電話')[0]?.text).toBe('tanaka@example.jp');
  });
});
