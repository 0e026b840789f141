import type { FunctionsCloud } from './functions-cloud';

/** The first bytes of a PNG, enough for the content type to be told from them. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** The caller's upload folder for a draft, as the client asks for it. */
export async function slotOf(cloud: FunctionsCloud, openid: string, key: string, purpose = 'report'): Promise<string> {
  return (await cloud.data<{ dir: string }>('uploadSlot', { purpose, key }, openid)).dir;
}

/** Stores bytes at a cloud path through the real SDK and answers the fileID. */
export async function uploadAt(cloud: FunctionsCloud, cloudPath: string, bytes: Buffer = PNG_BYTES): Promise<string> {
  return (await cloud.testCloud.sdk().uploadFile({ cloudPath, fileContent: bytes })).fileID;
}

/** Uploads a photo as the client does: into the caller's slot for this draft, under a name of its own. */
export async function uploadPhoto(
  cloud: FunctionsCloud,
  openid: string,
  key: string,
  name = 'p1.png',
  bytes: Buffer = PNG_BYTES,
): Promise<string> {
  return uploadAt(cloud, `${await slotOf(cloud, openid, key)}${name}`, bytes);
}
