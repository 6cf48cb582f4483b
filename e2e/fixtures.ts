import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  test as base,
  type APIRequestContext,
  type ConsoleMessage,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/*
 * Shared end-to-end fixtures. Every test that imports `test` from here collects the browser console of
 * every page it opens: warnings and errors are attached to the test's report, and a React warning whose
 * message or component stack names one of our components (plugins/jetstream2-kubernetes) fails the test.
 * Upstream's warnings are reported, not failed.
 */

const root = path.resolve(__dirname, '..');
const ourPluginSrc = path.join(root, 'plugins/jetstream2-kubernetes/src');

/** Names of the components (and hooks) our frontend plugin defines, read from its source. */
function ourComponentNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name)) {
        const source = fs.readFileSync(file, 'utf8');
        for (const m of source.matchAll(
          /\b(?:const|function|class)\s+([A-Z][A-Za-z0-9]{3,})\b/g,
        )) {
          names.add(m[1]);
        }
      }
    }
  };
  walk(ourPluginSrc);
  return [...names];
}

/**
 * Names that upstream libraries export too (MUI's Tabs, core-components' Table, ...): a stack naming one
 * of them does not tell ours from upstream's, so they are left out. Read from the libraries' type files.
 */
function upstreamNames(): Set<string> {
  const files = [
    '@material-ui/core/index.d.ts',
    '@material-ui/lab/index.d.ts',
    '@backstage/core-components/dist/index.d.ts',
    '@backstage/plugin-catalog-react/dist/index.d.ts',
    '@backstage/plugin-kubernetes-react/dist/index.d.ts',
    'react-router/dist/index.d.ts',
  ];
  const names = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, 'node_modules', file), 'utf8');
    for (const m of text.matchAll(/\b[A-Z][A-Za-z0-9]+\b/g)) names.add(m[0]);
  }
  return names;
}

const upstream = upstreamNames();
const ourNames = ourComponentNames().filter(name => !upstream.has(name));
// a component stack line names a component ("at HomePageCard (http://...)"); paths appear in dev builds
const ourPattern = new RegExp(
  [
    `\\bat (?:${ourNames.join('|')})\\b`,
    `<(?:${ourNames.join('|')})>`,
    'plugins/jetstream2-kubernetes/',
    'plugin-jetstream2-kubernetes/src',
  ].join('|'),
);

export interface ConsoleEntry {
  type: 'warning' | 'error' | 'pageerror';
  text: string;
  /** Page URL when the message was logged. */
  url: string;
  /** Source location of the log call, if known. */
  location?: string;
  react: boolean;
  ours: boolean;
}

/** True for React's own development warnings ("Warning: Each child in a list should have a unique key"). */
export function isReactWarning(text: string): boolean {
  return /^Warning: /.test(text.trim()) || /react-dom\.development/.test(text);
}

/** True when the message or its component stack names one of our components or source files. */
export function isOurs(text: string): boolean {
  return ourPattern.test(text);
}

function entryFromMessage(
  msg: ConsoleMessage,
  page: Page,
): ConsoleEntry | undefined {
  const type = msg.type();
  if (type !== 'warning' && type !== 'error') return undefined;
  const text = msg.text();
  const loc = msg.location();
  const location = loc?.url
    ? `${loc.url}:${loc.lineNumber}:${loc.columnNumber}`
    : undefined;
  const react = isReactWarning(text);
  return {
    type,
    text,
    url: page.url(),
    location,
    react,
    ours: react && isOurs(`${text}\n${location ?? ''}`),
  };
}

function report(entries: ConsoleEntry[], testInfo: TestInfo) {
  if (entries.length === 0) return;
  const ours = entries.filter(e => e.ours);
  const react = entries.filter(e => e.react);
  testInfo.annotations.push({
    type: 'console',
    description: `${entries.length} console warnings/errors (${react.length} React warnings, ${ours.length} from our components)`,
  });
  // eslint-disable-next-line no-console
  console.log(
    `[console] ${testInfo.title}: ${entries.length} warnings/errors, ${react.length} React warnings, ${ours.length} from our components`,
  );
  return testInfo.attach('console.json', {
    body: JSON.stringify(entries, null, 2),
    contentType: 'application/json',
  });
}

type Fixtures = {
  /** Console warnings and errors of every page of the test, so far. */
  consoleEntries: ConsoleEntry[];
};

export const test = base.extend<Fixtures>({
  consoleEntries: [
    async ({ context }, use, testInfo) => {
      const entries: ConsoleEntry[] = [];
      const watch = (page: Page) => {
        page.on('console', msg => {
          const entry = entryFromMessage(msg, page);
          if (entry) entries.push(entry);
        });
        page.on('pageerror', error => {
          const text = `${error.name}: ${error.message}\n${error.stack ?? ''}`;
          entries.push({
            type: 'pageerror',
            text,
            url: page.url(),
            react: false,
            ours: isOurs(text),
          });
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);

      await use(entries);

      await report(entries, testInfo);
      const ours = entries.filter(e => e.ours);
      expect(
        ours.map(
          e => `${e.url}: ${e.text.split('\n').slice(0, 12).join('\n')}`,
        ),
        `React warnings naming our components (plugins/jetstream2-kubernetes) in the browser console`,
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in as guest from the landing page (the home page at /). */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * The entity's one Kubernetes tab (ours). Entity page tabs are links under the entity's path (or tabs,
 * depending on the header); it is "Kubernetes" once renamed, "Workloads & guides" before.
 */
export function kubernetesTab(page: Page, entityPath: string): Locator {
  const name = /^(Kubernetes|Workloads & guides)$/;
  return page
    .locator(`a[href^="${entityPath}/"]`)
    .filter({ hasText: name })
    .or(page.getByRole('tab', { name }))
    .first();
}

/** The URL of our tab: /kubernetes once renamed, /workloads before. */
export const kubernetesTabUrl = (entityPath: string) =>
  new RegExp(`${entityPath.replace(/[/]/g, '\\/')}\\/(kubernetes|workloads)$`);

export const SCREENSHOT_WIDTHS = [1024, 1280, 1920] as const;

async function settled(page: Page) {
  // after a resize: the layout has redrawn (two animation frames) and no transition is running (the home
  // page's grid slides its cards into place)
  await page.evaluate(
    () =>
      new Promise<void>(r =>
        requestAnimationFrame(() => requestAnimationFrame(() => r())),
      ),
  );
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document
              .getAnimations()
              // CSS transitions only (the grid's cards slide); spinners and pulsing dots are animations
              .filter(
                a => a instanceof CSSTransition && a.playState === 'running',
              ).length,
        ),
      { message: 'running CSS transitions after a resize' },
    )
    .toBe(0);
}

/**
 * Screenshots of the page (or of one element) at 1024, 1280 and 1920 px wide, to
 * test-results/screenshots/<name>-<width>.png. With E2E_UPDATE_DOCS_SCREENSHOTS=1 the 1280 one is also
 * copied to docs/screenshots/<name>.png, which README.md links.
 */
export async function screenshotAtWidths(
  page: Page,
  name: string,
  options: { element?: Locator; ready?: Locator } = {},
) {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  const dir = path.join(root, 'test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    if (options.ready)
      await expect(options.ready, `${name} ready at ${width} px`).toBeVisible();
    await settled(page);
    const file = path.join(dir, `${name}-${width}.png`);
    if (options.element) await options.element.screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
    if (width === 1280 && process.env.E2E_UPDATE_DOCS_SCREENSHOTS === '1') {
      fs.mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true });
      fs.copyFileSync(file, path.join(root, 'docs/screenshots', `${name}.png`));
    }
  }
  await page.setViewportSize(original);
  await settled(page);
}

/**
 * Runs axe on the page (or inside `include`) and fails on serious or critical violations, listing each
 * rule, its help text and the elements, with no exemptions (upstream's components we render included).
 * Returns every violation, for the report.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  what: string,
  options: { include?: string } = {},
) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const isSerious = (v: (typeof violations)[number]) =>
    v.impact === 'serious' || v.impact === 'critical';
  const lines = (
    list: typeof violations,
    filter: (id: string, html: string) => boolean,
  ) =>
    list.flatMap(v => {
      const nodes = v.nodes.filter(n => filter(v.id, n.html));
      if (nodes.length === 0) return [];
      return [
        `${v.impact} ${v.id}: ${v.help} (${nodes.length}×: ${nodes
          .slice(0, 4)
          .map(n => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .join(' | ')})`,
      ];
    });
  const failing = lines(violations.filter(isSerious), () => true);
  // eslint-disable-next-line no-console
  console.log(
    `[axe] ${what}: ${violations.length} violations, ${failing.length} serious or critical`,
  );
  for (const line of lines(violations, () => true))
    console.log(`[axe]   ${line}`); // eslint-disable-line no-console
  // soft: the test goes on to the chart check and reports both
  expect
    .soft(failing, `serious or critical axe violations on ${what}`)
    .toEqual([]);
  return violations;
}

/**
 * Every chart (an svg that is not an icon, or a canvas) has a text alternative: role img with a name,
 * a <title>, or aria-labelledby. Returns the number of charts checked.
 */
export async function expectChartsHaveTextAlternatives(
  page: Page,
  what: string,
  within: string = 'body',
): Promise<number> {
  const result = await page.evaluate(scope => {
    const root = document.querySelector(scope) ?? document.body;
    const charts = [...root.querySelectorAll('svg, canvas')].filter(el => {
      if (el.closest('[aria-hidden="true"]')) return false;
      if (el.classList.contains('MuiSvgIcon-root')) return false;
      if (el.parentElement?.closest('svg')) return false; // nested svg
      const box = el.getBoundingClientRect();
      return box.width >= 64 && box.height >= 32;
    });
    const name = (el: Element) => {
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      const ids = el.getAttribute('aria-labelledby');
      if (ids) {
        const text = ids
          .split(/\s+/)
          .map(id => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
        if (text) return text;
      }
      const title = el.querySelector(':scope > title')?.textContent?.trim();
      if (title) return title;
      return el.tagName === 'CANVAS' ? el.textContent?.trim() ?? '' : '';
    };
    return charts.map(el => ({
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      name: name(el),
      html: el.outerHTML.slice(0, 120),
    }));
  }, within);
  const missing = result.filter(
    c => !c.name || (c.tag === 'svg' && c.role !== 'img'),
  );
  expect(
    missing.map(c => c.html),
    `charts without a text alternative (role="img" and a name) on ${what}`,
  ).toEqual([]);
  return result.length;
}

/** The guest's token and ownership refs (user and groups), as the app gets them. */
export async function guestIdentity(
  request: APIRequestContext,
): Promise<{ token: string; ownershipEntityRefs: string[] }> {
  const res = await request.get(
    '/api/auth/guest/refresh?optional&env=development',
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  expect(res.ok(), `guest sign-in answered ${res.status()}`).toBeTruthy();
  const { backstageIdentity } = await res.json();
  return {
    token: backstageIdentity.token,
    ownershipEntityRefs: backstageIdentity.identity.ownershipEntityRefs,
  };
}

/** A guest token for the backend's APIs. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  return (await guestIdentity(request)).token;
}
