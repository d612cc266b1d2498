import { isAllowedOrigin } from './origin-check';

describe('socket handshake origin check', () => {
  const allowed = ['https://app.example.com'];

  it('accepts the same origin and the configured origins', () => {
    expect(isAllowedOrigin({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' }, [], false)).toBe(
      true,
    );
    expect(
      isAllowedOrigin({ origin: 'https://app.example.com', host: 'api.example.com' }, allowed, false),
    ).toBe(true);
  });

  it('refuses another site, a look-alike and a malformed origin', () => {
    expect(isAllowedOrigin({ origin: 'https://evil.example', host: 'api.example.com' }, allowed, false)).toBe(
      false,
    );
    expect(
      isAllowedOrigin(
        { origin: 'https://app.example.com.evil.example', host: 'api.example.com' },
        allowed,
        false,
      ),
    ).toBe(false);
    expect(isAllowedOrigin({ origin: 'null', host: 'api.example.com' }, allowed, false)).toBe(false);
  });

  it('uses the forwarded host only behind a trusted proxy', () => {
    const headers = {
      origin: 'https://forum.example',
      host: 'app:3000',
      'x-forwarded-host': 'forum.example',
    };
    expect(isAllowedOrigin(headers, [], true)).toBe(true);
    expect(isAllowedOrigin(headers, [], false)).toBe(false);
  });

  it('lets non-browser clients without an Origin header through', () => {
    expect(isAllowedOrigin({ host: 'api.example.com' }, allowed, false)).toBe(true);
  });
});
