import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A sentence and its words with their parts of speech (Universal POS tags: PROPN, VERB, PRON, …). */
export interface Sentence {
  text: string;
  words: { text: string; pos: string }[];
}

let pipeline: WinkMethods | undefined;

/**
 * wink-nlp with its English lite model, loaded once (about half a second) and only for the steps the drafter uses:
 * sentence boundaries and parts of speech. Named entities, negation and sentiment are left out of the pipe.
 */
function nlp(): WinkMethods {
  pipeline ??= winkNLP(model, ['sbd', 'pos']);
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
