/**
 * Cloud paths and file IDs as CloudBase shapes them: a file uploaded to `a/b.png` in env `prod-1a2b`
 * is `cloud://prod-1a2b.7072-prod-1a2b-1250000000/a/b.png` (env id, then a bucket name).
 */

/** The bucket part of a fileID: hex of the env id's first two characters, the env id, an app number. */
export function bucketFor(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`;
}

export function fileIdFor(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketFor(envId)}/${cloudPath}`;
}

export interface ParsedFileId {
  envId: string;
  cloudPath: string;
}

/** Reads `cloud://<env>.<bucket>/<path>`; any bucket is accepted, as old IDs carry other ones. */
export function parseFileId(fileId: string): ParsedFileId | undefined {
  const match = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/.exec(fileId);
  if (!match?.[1] || !match[2]) return undefined;
  return cloudPathProblem(match[2]) ? undefined : { envId: match[1], cloudPath: match[2] };
}

/**
 * Why a cloud path cannot be stored, or undefined when it can. CloudBase's rules (not empty, no leading
 * or doubled `/`, at most 850 bytes, no control characters), plus `? # % \` and `.`/`..` segments,
 * which would make the temporary URL (handed out unencoded, as CloudBase does) ambiguous.
 */
export function cloudPathProblem(cloudPath: string): string | undefined {
  if (!cloudPath) return 'cloudPath is empty';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (cloudPath.includes('//')) return 'cloudPath must not contain //';
  if (Buffer.byteLength(cloudPath) > 850) return 'cloudPath is longer than 850 bytes';
  if (/[\u0000-\u001f\u007f?#%\\]/.test(cloudPath)) return 'cloudPath contains a character that is not allowed (control, ?, #, %, \\)';
  if (cloudPath.split('/').some((segment) => segment === '.' || segment === '..')) return 'cloudPath must not contain . or .. segments';
  return undefined;
}
