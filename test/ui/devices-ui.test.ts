/**
 * Devices in Debian's Chromium against `livecue serve` on the demo room: the
 * host adds a phone as a view device in 设置 → 设备与访问 (a QR code and a
 * one-time link); the phone, opening the link in a browser of its own, sees
 * the live figures but cannot pin a product (the server refuses, the page
 * says so, the console counts it); the spent link opens nothing for another
 * browser; revoked from the console, the phone's page loses the room within
 * seconds. Screenshot devices-settings.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../main/simulator/index.js';
import { ARTIFACTS, DESKTOP, useUi } from './harness.js';

const ui = useUi('devices', { demo: true });
const PRODUCT = scenarios.skincare.products[0]!;

const liveState = (page: Page) => page.getByTestId('connection-banner').getAttribute('data-state');

describe('a view device paired from the console', () => {
  it('sees the live figures, cannot pin, is counted, and is cut off when revoked', async () => {
    const host = await ui.open('/', { viewport: DESKTOP });
    await expect.poll(() => liveState(host), { timeout: 30_000 }).toBe('live');
    await host.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: '设置', exact: true }).click();

    await host.getByTestId('devices-new-name').fill('场控手机');
    await host.getByTestId('devices-new-role').selectOption('view');
    await host.getByTestId('devices-add').click();
    const pairing = host.getByTestId('devices-pairing');
    await pairing.waitFor();
    // The QR code is an image made by the core, not markup the page builds.
    expect(await pairing.locator('img').getAttribute('src')).toMatch(/^data:image\//);
    const shown = (await host.getByTestId('devices-pairing-link').textContent())!.trim();
    const link = new URL(shown, ui.serve.base).href;
    expect(link).not.toContain(ui.token);
    await host.screenshot({ path: `${ARTIFACTS}devices-settings.png` });

    // The phone: a browser of its own, with nothing but the link.
    const phoneContext = await ui.browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await phoneContext.newPage();
    await phone.goto(link);
    expect(new URL(phone.url()).search).toBe('');
    await expect.poll(() => liveState(phone), { timeout: 30_000 }).toBe('live');
    await expect.poll(async () => Number(await phone.getByTestId('metric-onlineViewers').first().getAttribute('data-value')), { timeout: 20_000 }).toBeGreaterThan(0);

    // Pinning is for control devices: the server refuses and the phone is told.
    await phone.getByTestId(`pin-${PRODUCT.id}`).click();
    await expect.poll(() => phone.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('此设备只能查看');

    // The same link a second time, in another browser: spent.
    const laterContext = await ui.browser.newContext();
    const later = await laterContext.newPage();
    const response = await later.goto(link);
    expect(response?.status()).toBe(401);
    await laterContext.close();

    // The console lists the phone as a view device with its refused request; revoking it cuts the phone off.
    await host.reload();
    await host.getByRole('navigation', { name: 'LiveCue' }).getByRole('button', { name: '设置', exact: true }).click();
    const row = host.getByTestId('device-row').filter({ hasText: '场控手机' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('查看');
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('1 次越权请求');
    await row.getByTestId('device-revoke').click();
    await expect.poll(() => phone.getByText('需要访问令牌').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await phoneContext.close();
    await host.context().close();
  });
});
