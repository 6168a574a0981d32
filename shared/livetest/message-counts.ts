import { countOf } from '../util/count-of';
import type { LiveTestResult } from './live-test-result';

/** The platform's messages the live test handed back, in words: released at once, or held to the end on a queue with a redrive policy. */
export function platformMessagesText(result: Pick<LiveTestResult, 'released' | 'held' | 'redriveMaxReceiveCount'>): string {
  if (result.released === 0 && result.held === 0) return 'none received';
  const parts = [
    ...(result.released > 0 ? [`${countOf(result.released, 'message')}, each made visible again at once`] : []),
    ...(result.held > 0
      ? [`${result.held} held until the end of the test, then made visible again (redrive policy: at most ${result.redriveMaxReceiveCount} receives)`]
      : []),
  ];
  return parts.join('; ');
}

/** S3's test events the live test saw, in words (null: none): they are S3's, sent when a rule is written, never the platform's data. */
export function testEventsText(result: Pick<LiveTestResult, 'testEvents' | 'testEventsDeleted'>): string | null {
  if (result.testEvents === 0) return null;
  const what = countOf(result.testEvents, 's3:TestEvent message');
  return result.testEventsDeleted === result.testEvents
    ? `${what} from S3, deleted from this setup's own queue (sent when a rule is written; not data)`
    : `${what} from S3, handed back: the queue is shared, so its consumers skip it (not counted as the platform's data)`;
}

/** One line for the doctor's live-test check: what arrived besides the test's own event. */
export function liveTestMessagesLine(result: LiveTestResult): string {
  const events = testEventsText(result);
  return `the platform's messages: ${platformMessagesText(result)}${events ? `; ${events}` : ''}`;
}
