/** Whether a note or comment says anything besides whitespace. */
export function hasText(text: string | undefined): text is string {
  return text !== undefined && text.trim().length > 0;
}

/** The note to record on an event: blank notes are left out. */
export function noteOf(note: string | undefined): { note?: string } {
  return hasText(note) ? { note } : {};
}
