/** The words of the newsletter signup, kept apart from its template. All through msg(). */
import { msg, str } from '@lit/localize';
import { getLocale } from '../../kit/i18n/localize.js';
import type { FieldProblem, SignupField, SignupInput, SignupOutcome } from '../../core/signup.js';

/** The message shown at a field that did not pass its check. */
export function fieldMessage(field: SignupField, reason: FieldProblem): string {
  switch (field) {
    case 'email':
      return reason === 'missing'
        ? msg('Enter your e-mail address.')
        : msg('Enter an e-mail address like name@example.org.');
    case 'zip':
      return msg('Enter a 5-digit ZIP code, or leave it empty.');
    case 'consent':
      return msg('Check this box to sign up.');
  }
}

/** Why a send failed, in words, and what to do. `error-text` replaces the first sentence. */
export function failureMessage(outcome: SignupOutcome, lead: string | undefined): { lead: string; detail: string } {
  const first = lead || msg('Your signup was not sent yet.');
  switch (outcome.kind) {
    case 'rate-limited':
      return { lead: first, detail: msg('The signup service says there were too many requests. Please try again in a moment.') };
    case 'timeout':
      return {
        lead: first,
        detail: msg('The signup service did not answer in time. Trying again is safe: you will not be signed up twice.'),
      };
    case 'offline':
      return {
        lead: first,
        detail: msg('You seem to be offline. Your details are kept here, and they will be sent when you are back online.'),
      };
    case 'network':
      return { lead: first, detail: msg('The signup service could not be reached. Check your connection and try again.') };
    case 'http':
      return { lead: first, detail: msg(str`The signup service had a problem (error ${outcome.status}). Please try again.`) };
    case 'redirect':
      return {
        lead: first,
        detail: msg(
          'The signup service answered with a redirect. This form does not follow redirects, so your details were not sent anywhere else. Please try again later.',
        ),
      };
    case 'ok':
    case 'aborted':
      return { lead: first, detail: '' };
  }
}

/**
 * A 429 asked to wait: for how long, and whether the element then sends again by itself
 * (`auto`) or the person presses Retry after it.
 */
export function retryWaitMessage(seconds: number, until: number, auto: boolean): string {
  if (auto && seconds <= 1) {
    return msg(
      'The signup service is busy and asked us to wait a second. Your signup will be sent again by itself then; Retry is off until then.',
    );
  }
  if (auto) {
    return msg(
      str`The signup service is busy and asked us to wait ${seconds} seconds. Your signup will be sent again by itself then; Retry is off until then.`,
    );
  }
  if (seconds > 12 * 3600) {
    const day = new Date(until).toLocaleString(getLocale(), { dateStyle: 'medium', timeStyle: 'short' });
    return msg(str`The signup service is busy and asked us to wait until ${day}. You can press Retry then.`, {
      id: 'signup-wait-until-day',
    });
  }
  const time = new Date(until).toLocaleTimeString(getLocale(), { timeStyle: 'short' });
  return msg(str`The signup service is busy and asked us to wait until ${time}. You can press Retry then.`);
}

/** The prefilled e-mail a person can send when the form cannot post (interests by their labels). */
export function mailtoParts(
  input: SignupInput,
  choices: readonly { value: string; label: string }[],
): { subject: string; body: string } {
  const labels = new Map(choices.map((c) => [c.value, c.label]));
  const name = input.name.trim();
  const zip = input.zip.trim();
  const lines = [msg('Please add me to the newsletter.'), '', msg(str`E-mail: ${input.email.trim()}`)];
  if (name) lines.push(msg(str`Name: ${name}`));
  if (zip) lines.push(msg(str`ZIP code: ${zip}`));
  if (input.interests.length) {
    lines.push(msg(str`Interests: ${input.interests.map((v) => labels.get(v) ?? v).join(', ')}`));
  }
  return { subject: msg('Newsletter signup'), body: lines.join('\n') };
}
