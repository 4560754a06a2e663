import { furnitureVocab } from '../vocab/article-vocab';

/**
 * Page furniture: the header and footer lines a page carries whatever its articles
 * (`A03 要闻 2023年3月25日 星期六 责编 某某`). They belong to no article.
 */

const FURNITURE = furnitureVocab.patterns.map((source) => new RegExp(source, 'u'));
const SENTENCE_PUNCTUATION = /[，。；！？]/u;

export function isFurniture(text: string): boolean {
  return !SENTENCE_PUNCTUATION.test(text) && FURNITURE.some((pattern) => pattern.test(text));
}
