import { AppError } from './app-error';
import { msgSecCheck, type SecCheckReply } from './sdk';

/**
 * What the content check (security.msgSecCheck) said: `pass`; `review`, which a person must look at; or
 * `unchecked` when the check itself failed. Anything but `pass` is held from everyone but staff (and the
 * reporter, whose own words they are) until a staff member clears it.
 */
export type Moderation = {
  readonly verdict: 'pass' | 'review' | 'unchecked';
  readonly pending: boolean;
  readonly traceId?: string;
  readonly label?: number;
};

/** msgSecCheck v2's scene for text a user posts for others to act on (1 资料, 2 评论, 3 论坛, 4 社交日志). */
const SCENE_FORUM = 3;

/**
 * Checks a user's text with WeChat's content security (security.msgSecCheck v2, as that user): `risky`
 * is refused with CONTENT.RISKY; `review` passes held for staff. When the check itself fails (WeChat
 * answers 40003 for a user who has not opened the mini-program in two hours), the report is too
 * important to lose: it passes held, as `unchecked`, and the failure is logged.
 */
export async function checkUserText(openid: string, text: string): Promise<Moderation> {
  if (text.trim() === '') return { verdict: 'pass', pending: false };
  let reply: SecCheckReply;
  try {
    reply = await msgSecCheck({ content: text, version: 2, scene: SCENE_FORUM, openid });
  } catch (error) {
    console.warn('[content-check] msgSecCheck failed; holding the text for review', error);
    return { verdict: 'unchecked', pending: true };
  }
  const suggest = reply.result?.suggest;
  const trace = {
    ...(reply.traceId && { traceId: reply.traceId }),
    ...(reply.result?.label !== undefined && { label: reply.result.label }),
  };
  if (suggest === 'risky') throw new AppError('CONTENT.RISKY', '内容未通过安全检测，请修改后再提交');
  if (suggest === 'pass') return { verdict: 'pass', pending: false, ...trace };
  return { verdict: 'review', pending: true, ...trace };
}
