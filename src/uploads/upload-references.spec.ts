import { uploadIdsIn } from './upload-references';

describe('uploadIdsIn', () => {
  const a = 'AAAAAAAAAAAAAAAAAAAAAA';
  const b = 'bbbbbbbbbbbbbbbbbbbb_-';

  it('finds the uploads an image and an attachment link refer to, once each', () => {
    const text = `![photo.jpg](/media/${a}/photo.jpg) see [notes.txt](/media/${b}/notes.txt) and ![again](/media/${a}/x)`;
    expect(uploadIdsIn(text)).toEqual([a, b]);
  });

  it('ignores proxied images and ids of the wrong length', () => {
    expect(uploadIdsIn(`![x](/media/external/sig/abc) /media/${a}X/y /media/short/y`)).toEqual([]);
  });
});
