import { parseRoom, roomName } from './socket-protocol';

describe('socket room names', () => {
  it('reads forum, topic, board and moderator rooms', () => {
    expect(parseRoom('forum:acme-cloud')).toEqual({ kind: 'forum', key: 'acme-cloud' });
    expect(parseRoom('topic:65f0c0ffee0000000000abcd')).toEqual({
      kind: 'topic',
      key: '65f0c0ffee0000000000abcd',
    });
    expect(parseRoom('board:launch-day')).toEqual({ kind: 'board', key: 'launch-day' });
    expect(parseRoom('mod:65f0c0ffee0000000000abcd')).toEqual({
      kind: 'mod',
      key: '65f0c0ffee0000000000abcd',
    });
  });

  it('refuses anything else, including the private per-user room', () => {
    for (const room of ['user:abc', 'forum:', 'board:a b', 'forum:x:y', 'board:' + 'a'.repeat(65), '']) {
      expect(parseRoom(room)).toBeNull();
    }
  });

  it('builds the names it reads', () => {
    expect(parseRoom(roomName('board', 'x1'))).toEqual({ kind: 'board', key: 'x1' });
  });
});
