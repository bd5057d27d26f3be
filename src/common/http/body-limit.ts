import { AppConfig } from '../../config/app-config';

/** Room for the JSON envelope and the other fields of an article request. */
const JSON_OVERHEAD_BYTES = 64 * 1024;

/**
 * Fastify's body limit: twice the article limit (JSON escaping of quotes and newlines can double the text) plus
 * the envelope. A text over MAX_ARTICLE_BYTES inside a body under this limit reaches the service, which answers
 * 413 naming the field; only grossly oversized bodies are cut by Fastify (also 413, through the global filter).
 */
export function bodyLimitBytes(config: AppConfig): number {
  return config.maxArticleBytes * 2 + JSON_OVERHEAD_BYTES;
}
