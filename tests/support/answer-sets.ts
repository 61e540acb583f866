import { join } from 'node:path';
import { REPO } from './files.ts';
import { readTsv } from './eval-queries.ts';

/** The question sets of issue 20 (tests/fixtures/answers), written before the search was measured on them. */
export const ANSWER_SETS_DIR = join(REPO, 'tests/fixtures/answers');
export const SECOND_STORY_CLAIMS = join(ANSWER_SETS_DIR, 'second-story/claims.json');

/** A question and the claims that answer it right (any one of them). */
export interface AskedQuestion {
  question: string;
  rightIds: string[];
}

/** question<TAB>id,id rows. */
export function readQuestions(file: string): AskedQuestion[] {
  return readTsv(file).map(([question, ids]) => ({ question: question!, rightIds: ids!.split(',') }));
}

export const storyQuestions = () => readQuestions(join(ANSWER_SETS_DIR, 'story1-questions.tsv'));
export const secondStoryQuestions = () => readQuestions(join(ANSWER_SETS_DIR, 'second-story/questions.tsv'));
/** LIAR rows are id<TAB>question (the id first: the statement it asks about stays in ../shared/corpus). */
export const liarQuestions = (): AskedQuestion[] =>
  readTsv(join(ANSWER_SETS_DIR, 'liar-questions.tsv')).map(([id, question]) => ({ question: question!, rightIds: [id!] }));
export const unrelatedQueries = () => readTsv(join(ANSWER_SETS_DIR, 'unrelated.tsv')).map(([query]) => query!);
