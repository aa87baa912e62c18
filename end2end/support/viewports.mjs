// The two viewports the tests and screenshots use.
export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
