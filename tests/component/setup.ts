// jsdom has no layout engine and no ResizeObserver; bind:clientWidth needs the constructor to
// exist. Sizes stay 0 here, which is why layout-dependent behaviour is tested in Chromium.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom has no media queries either: report "no match", as on a narrow screen.
globalThis.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener() {},
  removeEventListener() {},
  addListener() {},
  removeListener() {},
  dispatchEvent: () => false,
})) as typeof matchMedia;
