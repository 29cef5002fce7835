import { expect } from '@open-wc/testing';
import { isNotOperating, isOpenAt, isRecordOpenAt, localParts, openStatus, recordOpenStatus } from '../../src/core/hours.js';
import type { Schedule } from '../../src/core/schema.js';

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';

/** Mon 2026-11-23 .. Fri 2026-11-27 (Thanksgiving is Thu 2026-11-26). EST is UTC-5. */
const WEEKDAYS_9_TO_5: Schedule = { weekly: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: '09:00', closes_at: '17:00' }] };
/** Friday nights, 20:00 to 02:00 Saturday. */
const FRIDAY_NIGHTS: Schedule = { weekly: [{ byday: ['FR'], opens_at: '20:00', closes_at: '02:00' }] };

function status(schedule: Schedule | undefined, iso: string, tz = NY) {
  return openStatus(schedule, new Date(iso), tz);
}

describe('localParts', () => {
  it('gives the local date, day and minutes in the zone', () => {
    expect(localParts(new Date('2026-11-23T14:00:00Z'), NY)).to.deep.equal({ date: '2026-11-23', day: 'MO', minutes: 540 });
    // 01:00 Tuesday in New York is still 22:00 Monday in Los Angeles.
    expect(localParts(new Date('2026-11-24T06:00:00Z'), NY)).to.deep.equal({ date: '2026-11-24', day: 'TU', minutes: 60 });
    expect(localParts(new Date('2026-11-24T06:00:00Z'), LA)).to.deep.equal({ date: '2026-11-23', day: 'MO', minutes: 1320 });
  });

  it('gives midnight as 0 minutes, not 24:00', () => {
    expect(localParts(new Date('2026-11-24T05:00:00Z'), NY)).to.deep.equal({ date: '2026-11-24', day: 'TU', minutes: 0 });
  });

  it('follows both daylight-saving changes in New York', () => {
    expect(localParts(new Date('2026-03-08T06:59:00Z'), NY).minutes).to.equal(1 * 60 + 59);
    expect(localParts(new Date('2026-03-08T07:00:00Z'), NY).minutes).to.equal(3 * 60);
    expect(localParts(new Date('2026-11-01T05:30:00Z'), NY).minutes).to.equal(90);
    expect(localParts(new Date('2026-11-01T06:30:00Z'), NY).minutes).to.equal(90);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => localParts(new Date('2026-11-23T14:00:00Z'), 'America/Bostn')).to.throw(RangeError);
  });
});

describe('openStatus: weekly hours', () => {
  it('is open from the opening minute, with the closing time', () => {
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T14:00:00Z')).to.deep.equal({
      state: 'open',
      closesAt: { day: 'MO', time: '17:00', date: '2026-11-23', minutesFromNow: 480 },
      closingSoon: false,
    });
  });

  it('says closing soon within the last 60 minutes', () => {
    const s = status(WEEKDAYS_9_TO_5, '2026-11-23T21:30:00Z');
    expect(s.state).to.equal('open');
    expect(s.closesAt?.minutesFromNow).to.equal(30);
    expect(s.closingSoon).to.equal(true);
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T21:00:00Z').closingSoon).to.equal(true);
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T20:59:00Z').closingSoon).to.equal(false);
  });

  it('is closed at the closing minute, opening the next morning', () => {
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T22:00:00Z')).to.deep.equal({
      state: 'closed',
      opensAt: { day: 'TU', time: '09:00', date: '2026-11-24', minutesFromNow: 16 * 60 },
    });
  });

  it('is closed before opening the same day', () => {
    const s = status(WEEKDAYS_9_TO_5, '2026-11-23T13:15:00Z');
    expect(s.state).to.equal('closed');
    expect(s.opensAt).to.deep.equal({ day: 'MO', time: '09:00', date: '2026-11-23', minutesFromNow: 45 });
  });

  it('opens next on Monday when closed on a Friday evening (across the weekend)', () => {
    const s = status(WEEKDAYS_9_TO_5, '2026-11-27T23:00:00Z');
    expect(s.state).to.equal('closed');
    expect(s.opensAt).to.deep.equal({ day: 'MO', time: '09:00', date: '2026-11-30', minutesFromNow: 63 * 60 });
    expect(status(WEEKDAYS_9_TO_5, '2026-11-28T17:00:00Z').opensAt?.date).to.equal('2026-11-30');
  });

  it('rounds minutesFromNow up for a clock with seconds', () => {
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T21:59:30Z').closesAt?.minutesFromNow).to.equal(1);
  });

  it('takes the next of several ranges on one day', () => {
    const split: Schedule = {
      weekly: [
        { byday: ['MO'], opens_at: '13:00', closes_at: '17:00' },
        { byday: ['MO'], opens_at: '09:00', closes_at: '12:00' },
      ],
    };
    expect(status(split, '2026-11-23T17:30:00Z').opensAt?.time).to.equal('13:00');
    expect(status(split, '2026-11-23T15:00:00Z').closesAt?.time).to.equal('12:00');
  });
});

describe('openStatus: past midnight', () => {
  it('is open late Friday, closing 02:00 Saturday', () => {
    expect(status(FRIDAY_NIGHTS, '2026-11-28T04:00:00Z')).to.deep.equal({
      state: 'open',
      closesAt: { day: 'SA', time: '02:00', date: '2026-11-28', minutesFromNow: 180 },
      closingSoon: false,
    });
  });

  it('is open at 01:30 Saturday, the range that began Friday', () => {
    const s = status(FRIDAY_NIGHTS, '2026-11-28T06:30:00Z');
    expect(s.state).to.equal('open');
    expect(s.closesAt).to.deep.equal({ day: 'SA', time: '02:00', date: '2026-11-28', minutesFromNow: 30 });
    expect(s.closingSoon).to.equal(true);
  });

  it('is closed at 02:00 Saturday and before 20:00 Friday', () => {
    const after = status(FRIDAY_NIGHTS, '2026-11-28T07:00:00Z');
    expect(after.state).to.equal('closed');
    expect(after.opensAt).to.deep.equal({ day: 'FR', time: '20:00', date: '2026-12-04', minutesFromNow: (6 * 24 + 18) * 60 });
    expect(status(FRIDAY_NIGHTS, '2026-11-28T00:59:00Z').state).to.equal('closed');
  });

  it('does not carry a Saturday-night range back into early Saturday', () => {
    const saturdayNights: Schedule = { weekly: [{ byday: ['SA'], opens_at: '20:00', closes_at: '02:00' }] };
    expect(status(saturdayNights, '2026-11-28T06:30:00Z').state).to.equal('closed');
    expect(status(saturdayNights, '2026-11-29T06:30:00Z').state).to.equal('open');
  });

  it('reads closes_at 24:00 as midnight', () => {
    const evenings: Schedule = { weekly: [{ byday: ['MO'], opens_at: '18:00', closes_at: '24:00' }] };
    const s = status(evenings, '2026-11-24T04:59:00Z');
    expect(s.state).to.equal('open');
    expect(s.closesAt).to.deep.equal({ day: 'TU', time: '00:00', date: '2026-11-24', minutesFromNow: 1 });
    expect(status(evenings, '2026-11-24T05:00:00Z').state).to.equal('closed');
  });

  it('reads equal opening and closing times as 24 hours', () => {
    const fullDay: Schedule = { weekly: [{ byday: ['MO'], opens_at: '09:00', closes_at: '09:00' }] };
    expect(status(fullDay, '2026-11-24T13:59:00Z').state).to.equal('open');
    expect(status(fullDay, '2026-11-24T14:00:00Z').state).to.equal('closed');
  });

  it('joins ranges that meet at midnight into one opening', () => {
    const joined: Schedule = {
      weekly: [
        { byday: ['MO'], opens_at: '18:00', closes_at: '24:00' },
        { byday: ['TU'], opens_at: '00:00', closes_at: '02:00' },
      ],
    };
    expect(status(joined, '2026-11-24T04:00:00Z').closesAt).to.deep.equal({
      day: 'TU',
      time: '02:00',
      date: '2026-11-24',
      minutesFromNow: 180,
    });
  });
});

describe('openStatus: closed dates', () => {
  const thanksgiving: Schedule = {
    ...WEEKDAYS_9_TO_5,
    closed: [{ date: '2026-11-26', description: 'Thanksgiving' }],
  };

  it('is closed all day on a closed date, saying why, and opens the next day', () => {
    expect(status(thanksgiving, '2026-11-26T15:00:00Z')).to.deep.equal({
      state: 'closed',
      opensAt: { day: 'FR', time: '09:00', date: '2026-11-27', minutesFromNow: 23 * 60 },
      closedToday: { description: 'Thanksgiving' },
    });
  });

  it('skips the closed date when looking for the next opening', () => {
    expect(status(thanksgiving, '2026-11-25T23:00:00Z').opensAt?.date).to.equal('2026-11-27');
    expect(status(thanksgiving, '2026-11-25T20:00:00Z').state).to.equal('open');
  });

  it('gives closedToday without a description when none is given', () => {
    const s = status({ ...WEEKDAYS_9_TO_5, closed: [{ date: '2026-11-26' }] }, '2026-11-26T15:00:00Z');
    expect(s.state).to.equal('closed');
    expect(s.closedToday).to.deep.equal({});
  });

  // Decision (see hours.ts): a closed date is closed from its midnight, so a Friday-night range
  // running into a closed Saturday is cut at midnight.
  it('cuts a range from the evening before at the midnight that starts a closed date', () => {
    const holidaySaturday: Schedule = { ...FRIDAY_NIGHTS, closed: [{ date: '2026-11-28', description: 'Holiday' }] };
    const friday = status(holidaySaturday, '2026-11-28T04:30:00Z');
    expect(friday.state).to.equal('open');
    expect(friday.closesAt).to.deep.equal({ day: 'SA', time: '00:00', date: '2026-11-28', minutesFromNow: 30 });
    expect(friday.closingSoon).to.equal(true);
    const saturday = status(holidaySaturday, '2026-11-28T06:30:00Z');
    expect(saturday.state).to.equal('closed');
    expect(saturday.closedToday).to.deep.equal({ description: 'Holiday' });
    expect(saturday.opensAt?.date).to.equal('2026-12-04');
  });

  it('drops the whole range that opens on a closed date, also its hours past midnight', () => {
    const closedFriday: Schedule = { ...FRIDAY_NIGHTS, closed: [{ date: '2026-11-27' }] };
    expect(status(closedFriday, '2026-11-28T02:00:00Z').state).to.equal('closed');
    expect(status(closedFriday, '2026-11-28T06:30:00Z').state).to.equal('closed');
  });

  it('says closed today even when the schedule has no structured hours', () => {
    expect(status({ by_appointment: true, closed: [{ date: '2026-11-26' }] }, '2026-11-26T15:00:00Z')).to.deep.equal({
      state: 'closed',
      closedToday: {},
    });
  });
});

describe('openStatus: special hours', () => {
  const dayAfter: Schedule = { ...WEEKDAYS_9_TO_5, special: [{ date: '2026-11-27', opens_at: '10:00', closes_at: '14:00' }] };

  it('replaces the weekly hours of that date', () => {
    expect(status(dayAfter, '2026-11-27T14:30:00Z').opensAt).to.deep.equal({
      day: 'FR',
      time: '10:00',
      date: '2026-11-27',
      minutesFromNow: 30,
    });
    expect(status(dayAfter, '2026-11-27T17:00:00Z').closesAt?.time).to.equal('14:00');
    const afterSpecial = status(dayAfter, '2026-11-27T20:00:00Z');
    expect(afterSpecial.state).to.equal('closed');
    expect(afterSpecial.opensAt?.date).to.equal('2026-11-30');
  });

  it('opens a day that has no weekly hours', () => {
    const saturday: Schedule = { ...WEEKDAYS_9_TO_5, special: [{ date: '2026-11-28', opens_at: '10:00', closes_at: '14:00' }] };
    expect(status(saturday, '2026-11-28T16:00:00Z').state).to.equal('open');
    expect(status(saturday, '2026-11-27T23:00:00Z').opensAt?.date).to.equal('2026-11-28');
  });

  it('keeps a range from the evening before running into a special date', () => {
    const s: Schedule = { ...FRIDAY_NIGHTS, special: [{ date: '2026-11-28', opens_at: '10:00', closes_at: '14:00' }] };
    expect(status(s, '2026-11-28T06:30:00Z').state).to.equal('open');
    expect(status(s, '2026-11-28T07:30:00Z').opensAt?.time).to.equal('10:00');
  });

  it('lets a closed date win over a special date', () => {
    const both: Schedule = { ...dayAfter, closed: [{ date: '2026-11-27' }] };
    expect(status(both, '2026-11-27T17:00:00Z').state).to.equal('closed');
  });

  it('is closed without opensAt when the only hours are more than 14 days away', () => {
    const later: Schedule = { special: [{ date: '2026-12-20', opens_at: '10:00', closes_at: '14:00' }] };
    expect(status(later, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'closed' });
    expect(status(later, '2026-12-07T14:00:00Z').opensAt?.date).to.equal('2026-12-20');
  });
});

describe('openStatus: 24/7, by appointment, unknown', () => {
  it('is always-open for always_open', () => {
    expect(status({ always_open: true }, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'always-open' });
    expect(isOpenAt({ always_open: true }, new Date('2026-11-24T08:00:00Z'), NY)).to.equal(true);
  });

  it('applies a closed date to an always-open place', () => {
    const s: Schedule = { always_open: true, closed: [{ date: '2026-12-25', description: 'Christmas' }] };
    expect(status(s, '2026-12-25T15:00:00Z')).to.deep.equal({
      state: 'closed',
      opensAt: { day: 'SA', time: '00:00', date: '2026-12-26', minutesFromNow: 14 * 60 },
      closedToday: { description: 'Christmas' },
    });
    const eve = status(s, '2026-12-25T04:30:00Z');
    expect(eve.state).to.equal('open');
    expect(eve.closesAt).to.deep.equal({ day: 'FR', time: '00:00', date: '2026-12-25', minutesFromNow: 30 });
  });

  it('is by-appointment only without hours', () => {
    expect(status({ by_appointment: true }, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'by-appointment' });
    expect(status({ ...WEEKDAYS_9_TO_5, by_appointment: true }, '2026-11-23T14:00:00Z').state).to.equal('open');
    expect(isOpenAt({ by_appointment: true }, new Date('2026-11-23T14:00:00Z'), NY)).to.equal(false);
  });

  it('is unknown without structured hours', () => {
    expect(status(undefined, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'unknown' });
    expect(status({ description: 'Call for hours' }, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'unknown' });
    expect(status({ weekly: [] }, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'unknown' });
    expect(isOpenAt(undefined, new Date('2026-11-23T14:00:00Z'), NY)).to.equal(false);
  });

  it('is unknown for an unknown time zone or an invalid clock', () => {
    expect(status({ ...WEEKDAYS_9_TO_5, time_zone: 'America/Bostn' }, '2026-11-23T14:00:00Z')).to.deep.equal({ state: 'unknown' });
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T14:00:00Z', 'Nowhere/Place')).to.deep.equal({ state: 'unknown' });
    expect(openStatus(WEEKDAYS_9_TO_5, new Date(Number.NaN), NY)).to.deep.equal({ state: 'unknown' });
  });
});

describe('openStatus: daylight saving in New York', () => {
  // Spring forward: Sunday 2026-03-08, 02:00 EST becomes 03:00 EDT (07:00Z).
  const saturdayNight: Schedule = { weekly: [{ byday: ['SA'], opens_at: '22:00', closes_at: '04:00' }] };

  it('counts true elapsed minutes across spring-forward', () => {
    // Saturday 22:00 EST (03:00Z) to Sunday 04:00 EDT (08:00Z) is 5 hours, not 6.
    expect(status(saturdayNight, '2026-03-08T03:00:00Z').closesAt).to.deep.equal({
      day: 'SU',
      time: '04:00',
      date: '2026-03-08',
      minutesFromNow: 300,
    });
    // 01:30 EST (06:30Z) to 04:00 EDT is 90 minutes.
    expect(status(saturdayNight, '2026-03-08T06:30:00Z').closesAt?.minutesFromNow).to.equal(90);
    expect(status(saturdayNight, '2026-03-08T08:00:00Z').state).to.equal('closed');
  });

  it('opens at 09:00 EDT on the day of the change', () => {
    const daily: Schedule = { weekly: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens_at: '09:00', closes_at: '17:00' }] };
    // 01:00 EST (06:00Z) to 09:00 EDT (13:00Z) is 7 hours.
    expect(status(daily, '2026-03-08T06:00:00Z').opensAt).to.deep.equal({ day: 'SU', time: '09:00', date: '2026-03-08', minutesFromNow: 420 });
    expect(status(daily, '2026-03-08T13:00:00Z').state).to.equal('open');
    expect(status(daily, '2026-03-08T12:59:00Z').state).to.equal('closed');
  });

  it('reads an opening or closing time skipped by the change as the moment of the change', () => {
    const opensInGap: Schedule = { weekly: [{ byday: ['SU'], opens_at: '02:30', closes_at: '05:00' }] };
    expect(status(opensInGap, '2026-03-08T06:45:00Z').opensAt).to.deep.equal({ day: 'SU', time: '03:00', date: '2026-03-08', minutesFromNow: 15 });
    expect(status(opensInGap, '2026-03-08T07:00:00Z').state).to.equal('open');
    const closesInGap: Schedule = { weekly: [{ byday: ['SA'], opens_at: '22:00', closes_at: '02:30' }] };
    expect(status(closesInGap, '2026-03-08T06:45:00Z').closesAt).to.deep.equal({ day: 'SU', time: '03:00', date: '2026-03-08', minutesFromNow: 15 });
    expect(status(closesInGap, '2026-03-08T07:00:00Z').state).to.equal('closed');
  });

  // Fall back: Sunday 2026-11-01, 02:00 EDT becomes 01:00 EST (06:00Z); 01:00-01:59 happens twice.
  it('counts true elapsed minutes across fall-back', () => {
    const overnight: Schedule = { weekly: [{ byday: ['SA'], opens_at: '22:00', closes_at: '02:00' }] };
    // Saturday 22:00 EDT (02:00Z) to Sunday 02:00 EST (07:00Z) is 5 hours, not 4.
    expect(status(overnight, '2026-11-01T02:00:00Z').closesAt).to.deep.equal({
      day: 'SU',
      time: '02:00',
      date: '2026-11-01',
      minutesFromNow: 300,
    });
    // 01:30 happens twice: 01:30 EDT (05:30Z) is 90 minutes before closing, 01:30 EST (06:30Z) 30.
    expect(status(overnight, '2026-11-01T05:30:00Z').closesAt?.minutesFromNow).to.equal(90);
    const second = status(overnight, '2026-11-01T06:30:00Z');
    expect(second.closesAt?.minutesFromNow).to.equal(30);
    expect(second.closingSoon).to.equal(true);
    expect(status(overnight, '2026-11-01T07:00:00Z').state).to.equal('closed');
  });

  it('reads a repeated opening time as its first occurrence', () => {
    const early: Schedule = { weekly: [{ byday: ['SU'], opens_at: '01:30', closes_at: '03:00' }] };
    expect(status(early, '2026-11-01T05:00:00Z').opensAt?.minutesFromNow).to.equal(30);
    const inside = status(early, '2026-11-01T06:15:00Z');
    expect(inside.state).to.equal('open');
    expect(inside.closesAt).to.deep.equal({ day: 'SU', time: '03:00', date: '2026-11-01', minutesFromNow: 105 });
  });

  it('uses EST after the change', () => {
    expect(status(WEEKDAYS_9_TO_5, '2026-11-02T14:00:00Z').state).to.equal('open');
    expect(status(WEEKDAYS_9_TO_5, '2026-11-02T13:30:00Z').state).to.equal('closed');
  });
});

describe('openStatus: the schedule time zone', () => {
  const pacific: Schedule = { ...WEEKDAYS_9_TO_5, time_zone: LA };

  it('reads hours in the schedule zone, not the default', () => {
    // 11:00 in New York is 08:00 in Los Angeles.
    const s = status(pacific, '2026-11-23T16:00:00Z', NY);
    expect(s.state).to.equal('closed');
    expect(s.opensAt).to.deep.equal({ day: 'MO', time: '09:00', date: '2026-11-23', minutesFromNow: 60 });
    expect(status(WEEKDAYS_9_TO_5, '2026-11-23T16:00:00Z', NY).state).to.equal('open');
  });

  it('is open at 16:30 Pacific when New York has closed', () => {
    const s = status(pacific, '2026-11-24T00:30:00Z', NY);
    expect(s.state).to.equal('open');
    expect(s.closesAt).to.deep.equal({ day: 'MO', time: '17:00', date: '2026-11-23', minutesFromNow: 30 });
    expect(isOpenAt(pacific, new Date('2026-11-24T00:30:00Z'), NY)).to.equal(true);
    expect(isOpenAt(WEEKDAYS_9_TO_5, new Date('2026-11-24T00:30:00Z'), NY)).to.equal(false);
  });

  it('applies closed dates by the schedule zone date', () => {
    // 22:00 Wednesday in Los Angeles is already Thanksgiving Thursday in New York.
    const s: Schedule = {
      weekly: [{ byday: ['WE', 'TH'], opens_at: '20:00', closes_at: '23:00' }],
      time_zone: LA,
      closed: [{ date: '2026-11-26' }],
    };
    expect(status(s, '2026-11-26T06:00:00Z', NY).state).to.equal('open');
  });
});

describe('isOpenAt', () => {
  const schedules: Record<string, Schedule> = {
    weekdays: WEEKDAYS_9_TO_5,
    fridayNights: FRIDAY_NIGHTS,
    holidays: { ...FRIDAY_NIGHTS, closed: [{ date: '2026-03-07' }, { date: '2026-11-07' }] },
    special: { ...WEEKDAYS_9_TO_5, special: [{ date: '2026-03-08', opens_at: '01:00', closes_at: '03:30' }] },
    alwaysOpen: { always_open: true, closed: [{ date: '2026-11-03' }] },
    pacific: { ...WEEKDAYS_9_TO_5, time_zone: LA },
    appointment: { by_appointment: true },
  };

  it('agrees with openStatus every 15 minutes through both daylight-saving weeks', () => {
    let open = 0;
    for (const start of ['2026-03-05T00:00:00Z', '2026-10-29T00:00:00Z']) {
      for (let t = Date.parse(start); t < Date.parse(start) + 10 * 86_400_000; t += 15 * 60_000) {
        const now = new Date(t);
        for (const [name, s] of Object.entries(schedules)) {
          const state = openStatus(s, now, NY).state;
          const expected = state === 'open' || state === 'always-open';
          if (isOpenAt(s, now, NY) !== expected) throw new Error(`${name} at ${now.toISOString()}: ${state}`);
          if (expected) open++;
        }
      }
    }
    expect(open).to.be.greaterThan(1000);
  });

  it('is false for an unknown zone or an invalid clock', () => {
    expect(isOpenAt({ always_open: true, time_zone: 'America/Bostn' }, new Date('2026-11-23T14:00:00Z'), NY)).to.equal(false);
    expect(isOpenAt({ always_open: true }, new Date(Number.NaN), NY)).to.equal(false);
  });
});

describe('openStatus and isOpenAt never throw (a gap in validation)', () => {
  // Shapes the validator refuses; if one ever slipped through, a list must still render.
  const broken: Array<[string, unknown]> = [
    ['weekly that is not a list', { weekly: 5 }],
    ['a range without times', { weekly: [{ byday: ['MO'] }] }],
    ['a range with days that are not a list', { weekly: [{ byday: 7, opens_at: '09:00', closes_at: '17:00' }] }],
    ['an opening hour far past the day', { weekly: [{ byday: ['MO'], opens_at: '9999999:00', closes_at: '10:00' }] }],
    ['a closing hour far past the day', { weekly: [{ byday: ['MO'], opens_at: '09:00', closes_at: '99999999:00' }] }],
    ['closed dates that are not a list', { always_open: true, closed: 5 }],
    ['special hours with no times', { special: [{ date: '2026-11-23' }] }],
    ['a zone that is not a string', { time_zone: 42, always_open: true }],
  ];
  for (const [label, schedule] of broken) {
    it(`gives 'unknown' / false for ${label}`, () => {
      const s = schedule as Schedule;
      expect(() => openStatus(s, new Date('2026-11-23T14:00:00Z'), NY)).to.not.throw();
      expect(openStatus(s, new Date('2026-11-23T14:00:00Z'), NY).state).to.equal('unknown');
      expect(isOpenAt(s, new Date('2026-11-23T14:00:00Z'), NY)).to.equal(false);
    });
  }
});

describe('records marked closed or moved', () => {
  const always = { always_open: true };
  const at = new Date('2026-11-27T12:00:00-05:00');
  it('are never open, whatever their hours say; an active one is', () => {
    for (const operating_status of ['closed', 'moved', 'temporarily-closed'] as const) {
      expect(recordOpenStatus({ schedule: always, operating_status }, at, 'America/New_York')).to.deep.equal({ state: 'closed' });
      expect(isRecordOpenAt({ schedule: always, operating_status }, at, 'America/New_York')).to.equal(false);
      expect(isNotOperating({ operating_status })).to.equal(true);
    }
    expect(recordOpenStatus({ schedule: always, operating_status: 'active' }, at, 'America/New_York').state).to.equal('always-open');
    expect(isRecordOpenAt({ schedule: always }, at, 'America/New_York')).to.equal(true);
  });
});
