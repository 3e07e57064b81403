/** A message shown after an action: success or failure, announced politely. */
export interface NoticeMessage {
  kind: 'success' | 'error' | 'info';
  title?: string;
  message: string;
}
