// jsdom has no layout engine and no ResizeObserver; bind:clientWidth needs the constructor to
// exist. Sizes stay 0 here, which is why layout-dependent behaviour is tested in Chromium.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
