import { describe, expect, it } from 'vitest';
import { QUOTA_MESSAGE, RECIPIENTS_PER_MESSAGE_MESSAGE } from '../../dev/runtime/index';
import { START, makeScope, makeWorld, servicesFor } from './services-fixture';

describe('MailApp', () => {
  it('puts each form of sendEmail in the outbox, from the running user', () => {
    const world = makeWorld();
    const mail = servicesFor(makeScope(world)).MailApp;
    mail.sendEmail('bo@example.com', 'Weekly OKRs', 'Plain body');
    mail.sendEmail('cy@example.com', 'With options', 'Body', {
      htmlBody: '<b>Hi</b>',
      name: 'OKR Sheets',
      cc: 'dee@example.com',
      bcc: 'ed@example.com',
      noReply: true,
    });
    mail.sendEmail({ to: 'Fay <fay@example.com>, gus@example.com', subject: 'Object form', body: 'b', replyTo: 'ana@example.com' });
    mail.sendEmail('hal@example.com', 'ana@example.com', 'Reply-to form', 'b');
    expect(world.outbox).toHaveLength(4);
    expect(world.outbox[0]).toMatchObject({
      to: ['bo@example.com'],
      subject: 'Weekly OKRs',
      body: 'Plain body',
      from: 'ana@example.com',
      spreadsheetId: 'sheet-1',
    });
    expect(world.outbox[0]!.time.getTime()).toBe(START);
    expect(world.outbox[1]).toMatchObject({
      cc: ['dee@example.com'],
      bcc: ['ed@example.com'],
      htmlBody: '<b>Hi</b>',
      name: 'OKR Sheets',
      noReply: true,
    });
    expect(world.outbox[2]).toMatchObject({ to: ['fay@example.com', 'gus@example.com'], replyTo: 'ana@example.com' });
    expect(world.outbox[3]).toMatchObject({ to: ['hal@example.com'], replyTo: 'ana@example.com', subject: 'Reply-to form' });
  });

  it('counts every recipient against the daily quota and refuses past it', () => {
    const world = makeWorld({ mailQuota: 5 });
    const mail = servicesFor(makeScope(world)).MailApp;
    expect(mail.getRemainingDailyQuota()).toBe(5);
    mail.sendEmail('a@example.com,b@example.com', 's', 'b', { cc: 'c@example.com' });
    expect(mail.getRemainingDailyQuota()).toBe(2);
    expect(() => mail.sendEmail('d@example.com, e@example.com, f@example.com', 's', 'b')).toThrow(QUOTA_MESSAGE);
    expect(world.outbox).toHaveLength(1);
    mail.sendEmail('d@example.com, e@example.com', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  it('gives the quota back 24 hours after the first send, per user', () => {
    const world = makeWorld({ mailQuota: 1 });
    const ana = servicesFor(makeScope(world)).MailApp;
    ana.sendEmail('a@example.com', 's', 'b');
    expect(servicesFor(makeScope(world, { user: 'bo@example.com' })).MailApp.getRemainingDailyQuota()).toBe(1);
    world.clock.advance(24 * 60 * 60 * 1000 - 1);
    expect(ana.getRemainingDailyQuota()).toBe(0);
    world.clock.advance(1);
    expect(ana.getRemainingDailyQuota()).toBe(1);
  });

  it('refuses a message to more than 50 recipients (to, cc and bcc together), sending nothing and using no quota', () => {
    const world = makeWorld({ mailQuota: 1500 });
    const mail = servicesFor(makeScope(world)).MailApp;
    const addresses = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `p${from + i}@example.com`).join(',');
    expect(() => mail.sendEmail(addresses(40), 's', 'b', { cc: addresses(10, 40), bcc: 'one.more@example.com' })).toThrow(
      RECIPIENTS_PER_MESSAGE_MESSAGE,
    );
    expect(() => mail.sendEmail({ to: addresses(51), subject: 's', body: 'b' })).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(world.outbox).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(1500);
    mail.sendEmail(addresses(40), 's', 'b', { cc: addresses(9, 40), bcc: 'one.more@example.com' });
    expect(world.outbox[0]!.to.length + world.outbox[0]!.cc.length + world.outbox[0]!.bcc.length).toBe(50);
    expect(mail.getRemainingDailyQuota()).toBe(1450);
  });

  it('refuses an invalid address', () => {
    const mail = servicesFor(makeScope(makeWorld())).MailApp;
    expect(() => mail.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => mail.sendEmail('a@example.com', 's', 'b', { cc: 'x@' })).toThrow('Invalid email: x@');
  });

  it('needs full authorization: refused in custom formulas, simple triggers and NONE', () => {
    for (const mode of ['CUSTOM_FUNCTION', 'LIMITED', 'NONE'] as const) {
      const mail = servicesFor(makeScope(makeWorld(), { mode })).MailApp;
      expect(() => mail.sendEmail('a@example.com', 's', 'b')).toThrow(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    }
  });
});
