import type { WinkMethods } from 'wink-nlp';

/** A sentence and its words with their parts of speech (Universal POS tags: PROPN, VERB, PRON, …). */
export interface Sentence {
  text: string;
  words: { text: string; pos: string }[];
}

let pipeline: WinkMethods | undefined;

/**
 * wink-nlp with its English lite model, set up for the steps the drafter uses: sentence boundaries and parts of
 * speech (named entities, negation and sentiment are left out of the pipe). Loaded the first time an article is
 * drafted, not when the bot starts: the model takes about a second and 60 MB.
 */
export async function loadLanguageModel(): Promise<void> {
  if (pipeline) return;
  const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
  pipeline ??= winkNLP(model, ['sbd', 'pos']);
}

function nlp(): WinkMethods {
  if (!pipeline) throw new Error('the language model is not loaded: await loadLanguageModel() first');
  return pipeline;
}

export function sentencesOf(paragraph: string): Sentence[] {
  const { its } = nlp();
  const sentences = nlp().readDoc(paragraph).sentences();
  const found: Sentence[] = [];
  for (let i = 0; i < sentences.length(); i++) {
    const sentence = sentences.itemAt(i);
    const texts = sentence.tokens().out(its.value);
    const tags = sentence.tokens().out(its.pos);
    found.push({ text: sentence.out(its.value), words: texts.map((text, k) => ({ text, pos: tags[k] ?? 'X' })) });
  }
  return found;
}
