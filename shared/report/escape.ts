// Everything units type goes through here before it meets markup: names, results, difficulties.
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML[c] ?? c);
}

/** Escaped text with its line breaks kept (a result typed over several lines prints so). */
export function escapeLines(text: string): string {
  return escapeHtml(text.replace(/\r\n?/gu, '\n')).replace(/\n/gu, '<br>');
}

/**
 * A url inside a CSS string in a <style> element: quotes and backslashes escaped, control
 * characters and `<` (which could close the element) written as CSS escapes.
 */
export function cssUrl(url: string): string {
  let body = '';
  for (const c of url) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') body += `\\${c}`;
    else if (code < 0x20 || code === 0x7f || c === '<' || c === '>') body += `\\${code.toString(16)} `;
    else body += c;
  }
  return `url("${body}")`;
}
