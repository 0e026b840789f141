import { CONTRACTS, ERROR_CODES, UPLOAD_FILE_NAME_PATTERN, uploadSlotContract } from '@pingan/shared/contracts';

const request = (value: unknown) => uploadSlotContract.request.safeParse(value).success;
const response = (value: unknown) => uploadSlotContract.response.safeParse(value).success;

describe('uploadSlot contract', () => {
  it('takes a known purpose and a key shaped like a draft’s idempotency key', () => {
    expect(request({ purpose: 'report', key: 'r1abc-000000aaaaaa' })).toBe(true);
    expect(CONTRACTS.uploadSlot).toBe(uploadSlotContract);
  });

  it.each([
    ['an unknown purpose', { purpose: 'avatar', key: 'draft-0001' }],
    ['no purpose', { key: 'draft-0001' }],
    ['a short key', { purpose: 'report', key: 'abc' }],
    ['a key with a slash', { purpose: 'report', key: 'draft/../x' }],
    ['an operator object for the key', { purpose: 'report', key: { $ne: null } }],
  ])('refuses %s', (_name, value) => {
    expect(request(value)).toBe(false);
  });

  it('answers a folder under uploads/<purpose>/ with 32 hex digits, and nothing else', () => {
    expect(response({ dir: `uploads/report/${'0a'.repeat(16)}/` })).toBe(true);
    expect(response({ dir: `uploads/report/${'0a'.repeat(16)}` })).toBe(false);
    expect(response({ dir: 'reports/k/' })).toBe(false);
  });

  it('names files in a slot plainly: no folders, no dots but the extension’s, an image extension', () => {
    expect(['1-abcdefgh.jpg', 'p1.png', 'a_b-C.webp', '9.heic'].every((name) => UPLOAD_FILE_NAME_PATTERN.test(name))).toBe(true);
    expect(
      ['a/b.jpg', '../b.jpg', 'x.html', 'x.jpg.exe', '.jpg', 'x.JPG', `${'a'.repeat(65)}.jpg`].some((name) =>
        UPLOAD_FILE_NAME_PATTERN.test(name),
      ),
    ).toBe(false);
  });

  it('has stable codes for a file that is not the caller’s and one that is not there', () => {
    expect(ERROR_CODES).toEqual(expect.arrayContaining(['FILE.NOT_YOURS', 'FILE.NOT_FOUND']));
  });
});
