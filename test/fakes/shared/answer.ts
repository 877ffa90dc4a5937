import type { ServerResponse } from 'node:http';

/** An answer of a fake: JSON, or text (HTML or plain, as the content types say), or no body. */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; undefined sends no JSON body. */
  json?: unknown;
  text?: string;
}

/** The Content-Type each platform sends with a JSON or a text body, unless the answer names its own. */
export interface AnswerContentTypes {
  json: string;
  text: string;
}

export function sendAnswer(res: ServerResponse, answer: FakeAnswer, contentTypes: AnswerContentTypes): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (answer.json !== undefined) {
    payload = JSON.stringify(answer.json);
    headers['Content-Type'] ??= contentTypes.json;
  } else if (answer.text !== undefined) {
    payload = answer.text;
    headers['Content-Type'] ??= contentTypes.text;
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}
