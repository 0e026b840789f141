import { hasVisibleText } from '../text/user-text';

/** Whether a note or comment says anything besides whitespace and invisible characters. */
export function hasText(text: string | undefined): text is string {
  return hasVisibleText(text);
}

/** The note to record on an event: blank notes are left out. */
export function noteOf(note: string | undefined): { note?: string } {
  return hasText(note) ? { note } : {};
}
