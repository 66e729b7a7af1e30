"""Reports written from plain rows (no Django): workbooks now, documents later."""
