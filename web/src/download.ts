import { apiText } from './api';

/** Fetches a report with the API key and saves it as a file (a plain link could not send the key header). */
export async function download(path: string, filename: string, type: string): Promise<void> {
  const text = await apiText(path);
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
