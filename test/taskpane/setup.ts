// What Fluent UI v9 needs from the browser that jsdom leaves out, plus Testing Library's DOM matchers.
// Imported first by every task pane test (the jest config is shared with the node tests, so no setupFiles).
import "@testing-library/jest-dom";

// Fluent's class lists make Testing Library's DOM dumps on a failed query thousands of lines long.
process.env.DEBUG_PRINT_LIMIT ??= "3000";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  // jsdom lays nothing out: offsetParent is always null and every box is 0×0. Tabster (Fluent's focus manager, which
  // moves focus on Tab itself) then takes every element for invisible and tabs straight to <body>. A browser's
  // answers, near enough: offsetParent is null inside a hidden or display:none subtree and the parent otherwise, and
  // the page has a size.
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      for (let e: HTMLElement | null = this; e !== null; e = e.parentElement) {
        if (e.hidden || window.getComputedStyle(e).display === "none") return null;
      }
      return this.parentElement;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function (): DOMRect {
    return { x: 0, y: 0, top: 0, left: 0, width: 1024, height: 768, right: 1024, bottom: 768, toJSON: () => ({}) };
  };
  // Fluent's tabs and overflow measure themselves with ResizeObserver; jsdom has no layout, so nothing to report.
  if (!("ResizeObserver" in window)) {
    Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true, configurable: true });
  }
}
