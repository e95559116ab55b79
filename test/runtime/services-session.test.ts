import { describe, expect, it } from 'vitest';
import { makeScope, makeWorld, servicesFor, tempDist } from './services-fixture';

describe('Session', () => {
  it('gives the active user, "" when Google withholds the address and in NONE; a custom formula may not ask', () => {
    const world = makeWorld({ scriptTimeZone: 'Europe/Paris' });
    expect(servicesFor(makeScope(world)).Session.getActiveUser().getEmail()).toBe('ana@example.com');
    world.hiddenEmails.add('ana@example.com');
    const hidden = servicesFor(makeScope(world)).Session;
    expect(hidden.getActiveUser().getEmail()).toBe('');
    expect(hidden.getEffectiveUser().getEmail()).toBe('ana@example.com');
    expect(
      servicesFor(makeScope(world, { user: 'bo@example.com', mode: 'NONE' }))
        .Session.getActiveUser()
        .getEmail(),
    ).toBe('');
    expect(() => servicesFor(makeScope(world, { user: 'bo@example.com', mode: 'CUSTOM_FUNCTION' })).Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser.',
    );
    expect(hidden.getScriptTimeZone()).toBe('Europe/Paris');
    expect(hidden.getActiveUserLocale()).toBe('en');
  });

  it('gives a temporary key stable per user and different between users', () => {
    const world = makeWorld();
    const key = servicesFor(makeScope(world)).Session.getTemporaryActiveUserKey();
    expect(key).not.toBe('');
    expect(servicesFor(makeScope(world)).Session.getTemporaryActiveUserKey()).toBe(key);
    expect(servicesFor(makeScope(world, { user: 'bo@example.com' })).Session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});

describe('Logger and console', () => {
  it('records messages in the runtime log and the execution log', () => {
    const world = makeWorld();
    const { Logger, console } = servicesFor(makeScope(world));
    Logger.log('Rows: %s of %s', 3, 4).log({ a: 1 });
    console.warn('careful', 2);
    expect(world.logs).toEqual(['Rows: 3 of 4', '{"a":1}', '[warn] careful 2']);
    expect(Logger.getLog()).toBe('Rows: 3 of 4\n{"a":1}\n');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
  });
});

describe('HtmlService', () => {
  it('reads an output from the dist folder, with or without .html', () => {
    const world = makeWorld({ dist: tempDist({ Sidebar: '<p>Check-in</p>' }) });
    const html = servicesFor(makeScope(world)).HtmlService;
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>Check-in</p>');
    expect(html.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>Check-in</p>');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('builds outputs: title, size, append, untrusted text escaped, meta tags', () => {
    const html = servicesFor(makeScope(makeWorld())).HtmlService;
    const out = html
      .createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<script>')
      .setTitle('T')
      .setWidth(420)
      .setHeight(300)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&#60;script&#62;');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['T', 420, 300]);
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(() => out.addMetaTag('refresh', '1')).toThrow(/not allowed/);
  });

  it('evaluates templates: code, escaped and raw printing scriptlets, with the template properties', () => {
    const world = makeWorld({ dist: tempDist({ Page: '<ul><? for (const o of items) { ?><li><?= o ?></li><? } ?></ul><?!= raw ?>' }) });
    const html = servicesFor(makeScope(world)).HtmlService;
    const template = html.createTemplateFromFile('Page');
    template.items = ['Grow <revenue>', 'Ship & learn'];
    template.raw = '<b>bold</b>';
    expect(template.evaluate().getContent()).toBe('<ul><li>Grow &#60;revenue&#62;</li><li>Ship &#38; learn</li></ul><b>bold</b>');
    expect(html.createTemplate('<?= missing ?>').getRawContent()).toBe('<?= missing ?>');
    expect(() => html.createTemplate('<?= missing ?>').evaluate()).toThrow(/missing is not defined/);
  });
});
