import { eraseName, extractMentions, extractQuotedSeqs, MAX_MENTIONS } from './post-references';

describe('extractMentions', () => {
  it('finds each mentioned username once, lower-cased', () => {
    expect(extractMentions('Thanks @Ann and @bob_2, also @ann again.')).toEqual(['ann', 'bob_2']);
  });

  it('does not take e-mail addresses or code for mentions', () => {
    expect(
      extractMentions('write to ann@example.com or run `npm i @nestjs/core`\n```\n@decorator\n```'),
    ).toEqual([]);
  });

  it('stops at the mention limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `@user${i}`).join(' ');
    expect(extractMentions(text)).toHaveLength(MAX_MENTIONS);
  });
});

describe('extractQuotedSeqs', () => {
  it('reads the quoted sequence numbers from quote headers', () => {
    const body =
      '> @ann wrote (#3):\n> yes\n\nand\n\n> @bob wrote (#12):\n> no\n\n> @ann wrote (#3):\n> again';
    expect(extractQuotedSeqs(body)).toEqual([3, 12]);
  });

  it('ignores a header that is not at the start of a blockquote', () => {
    expect(extractQuotedSeqs('I said @ann wrote (#3): earlier')).toEqual([]);
  });
});

describe('eraseName', () => {
  it('turns quote headers and mentions of the name into "a deleted user", in any case', () => {
    const body = '> @Ann wrote (#3):\n> hello\n\nThanks @ann, and @annabel too. Mail ann@example.com';
    expect(eraseName(body, 'ann')).toBe(
      '> a deleted user wrote (#3):\n> hello\n\nThanks a deleted user, and @annabel too. Mail ann@example.com',
    );
  });

  it('keeps the quote reference of an erased header', () => {
    expect(extractQuotedSeqs(eraseName('> @ann wrote (#7):\n> hi', 'ann'))).toEqual([7]);
  });
});
